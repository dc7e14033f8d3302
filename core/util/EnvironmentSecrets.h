#pragma once

#include "Secret.h"

namespace gs::EnvironmentSecrets {

// The secrets the command line takes from the environment. Read once, at start-up, and then
// removed from the process environment (the value zeroed where it was), so that no child - a
// ProxyCommand, gcloud, ssh-keygen - inherits them.
inline constexpr char DelegateToken[] = "GITSPACES_DELEGATE_TOKEN";
inline constexpr char HarnessApiKey[] = "GITSPACES_HARNESS_API_KEY";

// Moves both out of the environment into memory. Call first thing in main(), before any thread
// starts (the environment has no lock that other code would respect). Later calls do nothing.
void takeAll();
// The value `name` had (surrounding white space trimmed), handed over once: a second call
// returns an empty secret. Calls takeAll() first.
Secret take(const char *name);

} // namespace gs::EnvironmentSecrets
