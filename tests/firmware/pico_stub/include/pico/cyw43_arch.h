/* Host stub of the pico-sdk header of this name: see pico_stub_sdk.h. */
#include "pico_stub_sdk.h"
