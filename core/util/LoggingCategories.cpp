#include "LoggingCategories.h"

Q_LOGGING_CATEGORY(lcApp, "gs.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlan, "gs.plan", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPool, "gs.pool", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRemote, "gs.remote", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSteps, "gs.steps", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "gs.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHarness, "gs.harness", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTerraform, "gs.terraform", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWizard, "gs.wizard", QtInfoMsg)
