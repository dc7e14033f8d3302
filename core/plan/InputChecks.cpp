#include "InputChecks.h"
