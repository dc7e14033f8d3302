#pragma once

#include <QString>

namespace gs {

// Which commands carry sudo. Decided per kind of action, not per host: a user in the docker
// group still needs sudo to create /runner, and installing packages needs root whatever Docker
// says. Before the VM was looked at, all three follow the "use sudo" answer.
struct Privileges
{
    bool docker = true; // docker …
    bool files = true;  // mkdir, writing pool.yaml and the key into the runner directory
    bool system = true; // apt-get, systemctl

    static Privileges fromAnswer(bool sudo) { return {sudo, sudo, sudo}; }
    bool operator==(const Privileges &) const = default;

    // In words, for the pages: "Docker without sudo; the runner directory with sudo".
    QString describe() const;
};

} // namespace gs
