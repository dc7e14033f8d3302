#include "CommandBuilder.h"
