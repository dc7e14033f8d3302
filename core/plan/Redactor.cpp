#include "Redactor.h"
