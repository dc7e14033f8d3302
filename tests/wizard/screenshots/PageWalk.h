#pragma once

// Walks the real SetupWizard through every page and the states worth looking at, typing into
// the real widgets as a user would: shared by the page renderer (render_pages) and the layout
// check (tst_WizardLayout), so both see the same states.

#include "FakeHarness.h"
#include "TestHttpServer.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace gs {
class SetupWizard;
}

namespace gs::test {

class FakeTerraform;
class TestSshd;

// An environment of our own for the walk: HOME with a gcloud key and ssh aliases, no agent,
// settings and keychain that touch nothing of the user's, a good and a broken pool file. Call
// once, after the QApplication exists and before the first wizard.
class PageWalkFixtures
{
public:
    PageWalkFixtures();
    ~PageWalkFixtures();
    bool isValid() const { return m_ok; }
    QString path() const { return m_dir.path(); }
    QString goodPool() const;
    QString badPool() const;
    // A Harness manager on 127.0.0.1 over HTTPS that knows the walk's account: the Delegate
    // page checks the account against it, never against the internet.
    QString managerUrl() const;
    QByteArray managerCaPem() const { return m_pki.ca.toPem(); }
    // A Terraform folder as the Gitspaces module leaves it, with a runner VM in two regions; the
    // stand-in terraform answers for it (first on PATH while the fixtures live).
    QString terraformFolder() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeTerraform> m_terraform;
    TestPki m_pki;
    TestHttpServer m_manager;
    FakeHarness m_harness;
    bool m_ok = false;
};

// The app's catalogue and Qt's for `lang` ("en" or "de"), installed while this lives, loaded as
// app/main.cpp loads them for the system locale.
class PageWalkLanguage
{
public:
    explicit PageWalkLanguage(const QString &lang);
    ~PageWalkLanguage();
    PageWalkLanguage(const PageWalkLanguage &) = delete;
    PageWalkLanguage &operator=(const PageWalkLanguage &) = delete;

private:
    QObject m_catalogues; // owns the installed translators
};

// Called in each state with the page id and a short state name ("empty", "pool-errors", …).
using PageWalkShot = std::function<void(int page, const QString &state)>;

// Takes `wizard` (shown, freshly made) from the first page to the Summary, calling `shot` in
// every state. With `sshd`, the Connect page's host-key question and its rejection too. False
// when the walk could not go on (Next disabled, a page did not come).
// A throwaway sshd for the Connect page's host-key states, started as root; null with the reason
// in *error otherwise.
std::unique_ptr<TestSshd> startWalkSshd(QString *error);

bool walkPages(SetupWizard *wizard, const PageWalkFixtures &fixtures, TestSshd *sshd,
               const PageWalkShot &shot);

} // namespace gs::test
