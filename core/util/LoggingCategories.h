#pragma once

#include <QLoggingCategory>

// One category per area, so a user can turn on exactly the logging they need with
// QT_LOGGING_RULES="gs.remote.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcPlan)
Q_DECLARE_LOGGING_CATEGORY(lcPool)
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
Q_DECLARE_LOGGING_CATEGORY(lcSteps)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcHarness)
Q_DECLARE_LOGGING_CATEGORY(lcTerraform)
Q_DECLARE_LOGGING_CATEGORY(lcWizard)
