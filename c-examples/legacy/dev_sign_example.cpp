// The 3.x SDK example compiled as C++: dev_sign_api.h must work for C++ firmware too.
#include "dev_sign_example.c"
