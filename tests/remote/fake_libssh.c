/* A stand-in libssh.so.4 that has ssh_version and nothing else: what a wrong or broken libssh
 * on the library path looks like to the loader. */
const char *ssh_version(int required)
{
    (void)required;
    return "0.10.6/fake";
}
