#pragma once

#include <QString>

#include <initializer_list>

namespace gs {

// For a file's own tr() wrapper: lupdate files a tr() call under the class when it stands in a
// member function and under the enclosing namespace otherwise ("gs::ConfigFile" or "gs"), so a
// wrapper used in both places looks the text up in each context in turn.
// tests/wizard/tst_WizardTranslations checks that every context the code names exists.
// With `n` >= 0 the text is a plural ("%n day(s)"), looked up with that count.
QString translateIn(std::initializer_list<const char *> contexts, const char *text, int n = -1);

} // namespace gs
