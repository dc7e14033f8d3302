#include "GcloudSshCommand.h"
