#include "framestore.h"
