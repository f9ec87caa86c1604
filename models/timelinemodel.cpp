#include "timelinemodel.h"
