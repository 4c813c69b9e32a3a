#include "stress.h"
void part_terminals(void) {}
void part_kills(void) {}
void part_disk(void) {}
void part_load(void) {}
