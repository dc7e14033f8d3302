#include "ShellQuote.h"
