// The doc bundle example compiled as C++: sign_api.h must work for C++ firmware too.
#include "doc_sign_test.c"
