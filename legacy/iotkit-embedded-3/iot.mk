# iotwire swap-in kit: the SDK component src/iotwire (copied here by iotwire's
# scripts/swap-in-iotkit.sh). Its objects join libiot_sdk.a (the top makefile lists it in
# COMP_LIB_COMPONENTS); programs link lib/libiotwire.a after libiot_sdk.a. Each kit_*.c is
# guarded by the same switch as the SDK file it replaces.
LIBA_TARGET         := libiot_iotwire.a
LIB_SRCS_PATTERN    := kit_*.c
HDR_REFS            := src/infra src/dev_sign src/mqtt src/coap src/http src/dynamic_register
