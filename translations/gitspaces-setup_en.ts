<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Wrote the playbook for %n runner VM(s) to %1. Next: cd %1 &amp;&amp; ansible-playbook site.yml (README.md says where the token comes from).</source>
        <translation>
            <numerusform>Wrote the playbook for %n runner VM to %1. Next: cd %1 &amp;&amp; ansible-playbook site.yml (README.md says where the token comes from).</numerusform>
            <numerusform>Wrote the playbook for %n runner VMs to %1. Next: cd %1 &amp;&amp; ansible-playbook site.yml (README.md says where the token comes from).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupState</name>
    <message numerus="yes">
        <source>Done, with %n unresolved warning(s) (listed above).</source>
        <translation>
            <numerusform>Done, with %n unresolved warning (listed above).</numerusform>
            <numerusform>Done, with %n unresolved warnings (listed above).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs</name>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n byte(s) on the VM; no local pool file to compare it with (pick one on the first page).</source>
        <translation>
            <numerusform>%1: %n byte on the VM; no local pool file to compare it with (pick one on the first page).</numerusform>
            <numerusform>%1: %n bytes on the VM; no local pool file to compare it with (pick one on the first page).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::KeychainJob</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s). Nothing was stored; check that the keychain is unlocked and try again.</source>
        <translation>
            <numerusform>The keychain did not answer within %n second. Nothing was stored; check that the keychain is unlocked and try again.</numerusform>
            <numerusform>The keychain did not answer within %n seconds. Nothing was stored; check that the keychain is unlocked and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::PoolEditorWidget</name>
    <message numerus="yes">
        <source>No problems found. %n pool(s).</source>
        <translation>
            <numerusform>No problems found. %n pool.</numerusform>
            <numerusform>No problems found. %n pools.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n pool</numerusform>
            <numerusform>%n pools</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::RunController</name>
    <message numerus="yes">
        <source>✓ No problems found (%n pool(s)).</source>
        <translation>
            <numerusform>✓ No problems found (%n pool).</numerusform>
            <numerusform>✓ No problems found (%n pools).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::cli::EngineCommand</name>
    <message numerus="yes">
        <source>Preflight checks passed, with %n warning(s) (listed above).</source>
        <translation>
            <numerusform>Preflight checks passed, with %n warning (listed above).</numerusform>
            <numerusform>Preflight checks passed, with %n warnings (listed above).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done, with %n unresolved warning(s) (listed above): %1</source>
        <translation>
            <numerusform>Done, with %n unresolved warning (listed above): %1</numerusform>
            <numerusform>Done, with %n unresolved warnings (listed above): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::harness::DelegateImage</name>
    <message numerus="yes">
        <source>The image tag %1 is %n month(s) older than the latest supported version %2: delegates expire after 6 months, so it will not stay connected. Use %2.</source>
        <translation>
            <numerusform>The image tag %1 is %n month older than the latest supported version %2: delegates expire after 6 months, so it will not stay connected. Use %2.</numerusform>
            <numerusform>The image tag %1 is %n months older than the latest supported version %2: delegates expire after 6 months, so it will not stay connected. Use %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The image tag %1 is %n month(s) older than the latest supported version %2; Harness accepts versions up to about 3 months older. Use %2.</source>
        <translation>
            <numerusform>The image tag %1 is %n month older than the latest supported version %2; Harness accepts versions up to about 3 months older. Use %2.</numerusform>
            <numerusform>The image tag %1 is %n months older than the latest supported version %2; Harness accepts versions up to about 3 months older. Use %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expired around %3: the delegate will not stay connected. %4</source>
        <translation>
            <numerusform>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expired around %3: the delegate will not stay connected. %4</numerusform>
            <numerusform>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expired around %3: the delegate will not stay connected. %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expires around %3. %4</source>
        <translation>
            <numerusform>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expires around %3. %4</numerusform>
            <numerusform>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expires around %3. %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::manage</name>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n restart</numerusform>
            <numerusform>%n restarts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::manage::ContainerLogsJob</name>
    <message numerus="yes">
        <source>The last %n line(s) of the log of %1:</source>
        <translation>
            <numerusform>The last %n line of the log of %1:</numerusform>
            <numerusform>The last %n lines of the log of %1:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::manage::RestartJob</name>
    <message numerus="yes">
        <source>The pool file has %n error(s); the runner would refuse it. The file on the VM was left as it was.</source>
        <translation>
            <numerusform>The pool file has %n error; the runner would refuse it. The file on the VM was left as it was.</numerusform>
            <numerusform>The pool file has %n errors; the runner would refuse it. The file on the VM was left as it was.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pool.yaml (%n byte(s))</source>
        <translation>
            <numerusform>pool.yaml (%n byte)</numerusform>
            <numerusform>pool.yaml (%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::manage::VmStatus</name>
    <message numerus="yes">
        <source>Pool file %1: %n byte(s) (no local pool file to compare)</source>
        <translation>
            <numerusform>Pool file %1: %n byte (no local pool file to compare)</numerusform>
            <numerusform>Pool file %1: %n bytes (no local pool file to compare)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::steps::DelegateStep</name>
    <message numerus="yes">
        <source>Removed the delegate(s) started by hand (%n container(s))</source>
        <translation>
            <numerusform>Removed the delegate started by hand (%n container)</numerusform>
            <numerusform>Removed the delegates started by hand (%n containers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n other delegate(s) named %1 started by hand</source>
        <translation>
            <numerusform>Removed %n other delegate named %1 started by hand</numerusform>
            <numerusform>Removed %n other delegates named %1 started by hand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::steps::PreflightStep</name>
    <message numerus="yes">
        <source>%n delegate(s) named %1 started by hand: %2. The delegate step offers to keep one (its container renamed %1) or to replace it; either way there will be one delegate of that name.</source>
        <translation>
            <numerusform>%n delegate named %1 started by hand: %2. The delegate step offers to keep one (its container renamed %1) or to replace it; either way there will be one delegate of that name.</numerusform>
            <numerusform>%n delegates named %1 started by hand: %2. The delegate step offers to keep one (its container renamed %1) or to replace it; either way there will be one delegate of that name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::steps::RunnerStep</name>
    <message numerus="yes">
        <source>%n error(s) in the pool file: the runner would refuse it.</source>
        <translation>
            <numerusform>%n error in the pool file: the runner would refuse it.</numerusform>
            <numerusform>%n errors in the pool file: the runner would refuse it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is up to date (%n pool(s))</source>
        <translation>
            <numerusform>%1 is up to date (%n pool)</numerusform>
            <numerusform>%1 is up to date (%n pools)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %1 (%n pool(s), mode 0600)</source>
        <translation>
            <numerusform>Uploaded %1 (%n pool, mode 0600)</numerusform>
            <numerusform>Uploaded %1 (%n pools, mode 0600)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %1 (%n pool(s), mode 0600)</source>
        <translation>
            <numerusform>Updated %1 (%n pool, mode 0600)</numerusform>
            <numerusform>Updated %1 (%n pools, mode 0600)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed the runner(s) started by hand (%n container(s))</source>
        <translation>
            <numerusform>Removed the runner started by hand (%n container)</numerusform>
            <numerusform>Removed the runners started by hand (%n containers)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n other runner(s) started by hand</source>
        <translation>
            <numerusform>Removed %n other runner started by hand</numerusform>
            <numerusform>Removed %n other runners started by hand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::steps::StepJob</name>
    <message numerus="yes">
        <source>%n more copy(ies) started the same way: removed either way.</source>
        <translation>
            <numerusform>%n more copy(ies) started the same way: removed either way.</numerusform>
            <numerusform>%n more copy(ies) started the same way: removed either way.</numerusform>
        </translation>
    </message>
</context>
</TS>
