#pragma once

// Private to gs_remote: libssh, loaded at the first connection instead of at program start.
// Linking it would map libssh, libcrypto and their dependencies into every process, the
// wizard's first paint and `validate-pool` included, which never open a connection; that cost
// ~1.5 ms of dynamic linking per start. Qt loads its TLS backend the same way.

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive lives here in 0.10
#include <libssh/sftp.h>

#include <QString>

namespace gs::remote::detail {

// Every libssh function gs_remote calls. A function missing here fails to compile at the call.
#define GS_LIBSSH_FUNCTIONS(X)                                                                     \
    X(ssh_version)                                                                                 \
    X(ssh_new)                                                                                     \
    X(ssh_free)                                                                                    \
    X(ssh_get_error)                                                                               \
    X(ssh_options_set)                                                                             \
    X(ssh_connect)                                                                                 \
    X(ssh_disconnect)                                                                              \
    X(ssh_is_connected)                                                                            \
    X(ssh_send_keepalive)                                                                          \
    X(ssh_set_log_callback)                                                                        \
    X(ssh_set_log_level)                                                                           \
    X(ssh_string_free_char)                                                                        \
    X(ssh_get_server_publickey)                                                                    \
    X(ssh_key_free)                                                                                \
    X(ssh_pki_export_pubkey_base64)                                                                \
    X(ssh_pki_import_privkey_file)                                                                 \
    X(ssh_pki_import_pubkey_file)                                                                  \
    X(ssh_session_export_known_hosts_entry)                                                        \
    X(ssh_session_is_known_server)                                                                 \
    X(ssh_session_update_known_hosts)                                                              \
    X(ssh_userauth_list)                                                                           \
    X(ssh_userauth_none)                                                                           \
    X(ssh_userauth_agent)                                                                          \
    X(ssh_userauth_try_publickey)                                                                  \
    X(ssh_userauth_publickey)                                                                      \
    X(ssh_userauth_password)                                                                       \
    X(ssh_userauth_kbdint)                                                                         \
    X(ssh_userauth_kbdint_getname)                                                                 \
    X(ssh_userauth_kbdint_getinstruction)                                                          \
    X(ssh_userauth_kbdint_getnprompts)                                                             \
    X(ssh_userauth_kbdint_getprompt)                                                               \
    X(ssh_userauth_kbdint_setanswer)                                                               \
    X(ssh_set_channel_callbacks)                                                                   \
    X(ssh_remove_channel_callbacks)                                                                \
    X(ssh_channel_new)                                                                             \
    X(ssh_channel_free)                                                                            \
    X(ssh_channel_open_session)                                                                    \
    X(ssh_channel_request_exec)                                                                    \
    X(ssh_channel_request_send_signal)                                                             \
    X(ssh_channel_read_nonblocking)                                                                \
    X(ssh_channel_read_timeout)                                                                    \
    X(ssh_channel_write)                                                                           \
    X(ssh_channel_window_size)                                                                     \
    X(ssh_channel_send_eof)                                                                        \
    X(ssh_channel_is_eof)                                                                          \
    X(ssh_channel_is_closed)                                                                       \
    X(ssh_channel_close)                                                                           \
    X(ssh_channel_get_exit_status)                                                                 \
    X(sftp_new)                                                                                    \
    X(sftp_init)                                                                                   \
    X(sftp_free)                                                                                   \
    X(sftp_get_error)                                                                              \
    X(sftp_extension_supported)                                                                    \
    X(sftp_mkdir)                                                                                  \
    X(sftp_stat)                                                                                   \
    X(sftp_attributes_free)                                                                        \
    X(sftp_open)                                                                                   \
    X(sftp_write)                                                                                  \
    X(sftp_fsync)                                                                                  \
    X(sftp_close)                                                                                  \
    X(sftp_chmod)                                                                                  \
    X(sftp_unlink)

// The resolved functions; members are named like the C functions they point to.
struct LibSsh
{
#define GS_LIBSSH_MEMBER(name) decltype(&::name) name = nullptr;
    GS_LIBSSH_FUNCTIONS(GS_LIBSSH_MEMBER)
#undef GS_LIBSSH_MEMBER

    // The process-wide table: loaded on the first call (from any thread), never unloaded.
    // nullptr, with *error saying what is missing and how to get it, when libssh cannot be
    // loaded or is older than 0.10.
    static const LibSsh *instance(QString *error);

    // Loads `fileName` (a QLibrary name: "ssh" with `major` 4 is libssh.so.4) into a fresh table;
    // what instance() does once. For tests of the failure path.
    static bool load(LibSsh *table, const QString &fileName, int major, QString *error);
};

// The loaded table. Only valid after LibSsh::instance() succeeded in this process; every call
// into libssh goes through it: libssh().ssh_new().
const LibSsh &libssh();

} // namespace gs::remote::detail
