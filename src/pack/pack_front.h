/* Appending the front to a packed content file (the format is described in
 * kneecare/content_front.h). Used by kcpack and by the benchmark, which
 * makes large content files and must finish them the same way. */
#ifndef KC_PACK_FRONT_H
#define KC_PACK_FRONT_H

#include <stddef.h>

/* Gives the content database at path a current front: whatever follows
 * the database's own pages (an older front) is cut off, and a front made
 * from its topics and counts is appended with its trailer. 0, or -1 with
 * the reason in err (the file is then as it was or without a front, which
 * reads correctly either way). */
int kc_pack_front(const char *path, char *err, size_t errlen);

#endif
