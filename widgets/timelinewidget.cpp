#include "timelinewidget.h"
