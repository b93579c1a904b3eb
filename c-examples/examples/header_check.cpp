// The same check compiled as C++: exercises cpp_compat (extern "C", no C-only constructs).
#include "header_check.c"
