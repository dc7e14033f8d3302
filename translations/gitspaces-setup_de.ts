<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>open the wizard</source>
        <translation>den Assistenten öffnen</translation>
    </message>
    <message>
        <source>Secrets are read from the keychain, from the environment variable GITSPACES_DELEGATE_TOKEN, or from standard input (--token-stdin); never from the command line.</source>
        <translation>Geheimnisse werden aus dem Schlüsselbund, aus der Umgebungsvariablen GITSPACES_DELEGATE_TOKEN oder von der Standardeingabe (--token-stdin) gelesen; nie von der Kommandozeile.</translation>
    </message>
    <message>
        <source>gitspaces-setup: unknown command &quot;%1&quot;.</source>
        <translation>gitspaces-setup: unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>The setup config file.</source>
        <translation>Die Einrichtungskonfigurationsdatei.</translation>
    </message>
    <message>
        <source>gitspaces-setup commands: --config FILE is required.</source>
        <translation>gitspaces-setup commands: --config DATEI ist erforderlich.</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>validate-pool: unknown option %1</source>
        <translation>validate-pool: unbekannte Option %1</translation>
    </message>
    <message>
        <source>validate-pool: only one FILE, please</source>
        <translation>validate-pool: bitte nur eine DATEI</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup validate-pool FILE [--json]</source>
        <translation>Aufruf: gitspaces-setup validate-pool DATEI [--json]</translation>
    </message>
    <message>
        <source>validate-pool: cannot read %1: it is a folder</source>
        <translation>validate-pool: %1 kann nicht gelesen werden: Es ist ein Ordner</translation>
    </message>
    <message>
        <source>validate-pool: cannot read %1: %2</source>
        <translation>validate-pool: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>print every step&apos;s commands (token masked)</source>
        <translation>die Befehle jedes Schritts ausgeben (Token maskiert)</translation>
    </message>
    <message>
        <source>connect and run the preflight checks only</source>
        <translation>nur verbinden und die Vorabprüfungen ausführen</translation>
    </message>
    <message>
        <source>run the whole setup headless</source>
        <translation>die ganze Einrichtung ohne Fenster ausführen</translation>
    </message>
    <message>
        <source>check a pool file (exit 0 ok, 1 errors, 2 unreadable)</source>
        <translation>eine Pool-Datei prüfen (Exit 0 ok, 1 Fehler, 2 nicht lesbar)</translation>
    </message>
    <message>
        <source>Print every step&apos;s commands for a setup config, as the wizard shows them: the delegate token is asked for when they run, never printed.</source>
        <translation>Die Befehle jedes Schritts für eine Einrichtungskonfiguration ausgeben, wie der Assistent sie zeigt: Das Delegate-Token wird beim Ausführen abgefragt, nie ausgegeben.</translation>
    </message>
    <message>
        <source>Print one bash script to copy to the VM and run there (bash setup.sh): it checks, installs Docker when missing, and asks for the token itself.</source>
        <translation>Ein einzelnes Bash-Skript ausgeben, das Sie auf die VM kopieren und dort ausführen (bash setup.sh): Es prüft, installiert Docker, falls es fehlt, und fragt selbst nach dem Token.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>remove what the setup made: our containers, the files it wrote</source>
        <translation>entfernen, was die Einrichtung angelegt hat: unsere Container, die von ihr geschriebenen Dateien</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Check a pool file as the runner loads it: errors and warnings with line and column, and a fix where there is one. FILE - reads standard input. Exit code 0: no errors; 1: errors; 2: the file could not be read.</source>
        <translation>Eine Pool-Datei so prüfen, wie der Runner sie lädt: Fehler und Warnungen mit Zeile und Spalte und, wo es eine gibt, eine Korrektur. DATEI - liest die Standardeingabe. Exit-Code 0: keine Fehler; 1: Fehler; 2: Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Print the findings and the pools as JSON.</source>
        <translation>Die Befunde und die Pools als JSON ausgeben.</translation>
    </message>
    <message>
        <source>The pool file.</source>
        <translation>Die Pool-Datei.</translation>
    </message>
    <message>
        <source>write the setup of many runner VMs as an Ansible playbook</source>
        <translation>die Einrichtung vieler Runner-VMs als Ansible-Playbook schreiben</translation>
    </message>
    <message>
        <source>write a setup config from the Terraform folder</source>
        <translation>eine Einrichtungskonfiguration aus dem Terraform-Ordner schreiben</translation>
    </message>
    <message>
        <source>read the delegate&apos;s docker run command from Harness on standard input into FILE (the token to the keychain)</source>
        <translation>den Befehl docker run des Delegates aus Harness von der Standardeingabe in DATEI übernehmen (das Token in den Schlüsselbund)</translation>
    </message>
    <message>
        <source>gitspaces-setup export-ansible: %1 has no account id (delegate.account_id, or GITSPACES_ACCOUNT_ID): set gitspaces_account_id in its host_vars file before running the playbook.</source>
        <translation>gitspaces-setup export-ansible: %1 hat keine Konto-ID (delegate.account_id oder GITSPACES_ACCOUNT_ID): Setzen Sie gitspaces_account_id in der zugehörigen host_vars-Datei, bevor Sie das Playbook ausführen.</translation>
    </message>
    <message>
        <source>runner.pool_file is required</source>
        <translation>runner.pool_file ist erforderlich</translation>
    </message>
    <message>
        <source>%1: the pool file has errors; the runner would refuse it.</source>
        <translation>%1: Die Pool-Datei hat Fehler; der Runner würde sie ablehnen.</translation>
    </message>
    <message>
        <source>Write the setup as an Ansible inventory (one host per config file), a playbook with the steps apply runs, host variables, the pool files and a README.md into DIR. The delegate token is not written: the playbook reads it when it runs.</source>
        <translation>Die Einrichtung als Ansible-Inventory (ein Host pro Konfigurationsdatei), ein Playbook mit den Schritten, die apply ausführt, Host-Variablen, die Pool-Dateien und eine README.md in ORDNER schreiben. Das Delegate-Token wird nicht geschrieben: Das Playbook liest es bei der Ausführung.</translation>
    </message>
    <message>
        <source>A setup config file: one runner VM. Give it once per VM.</source>
        <translation>Eine Einrichtungskonfigurationsdatei: eine Runner-VM. Geben Sie sie einmal pro VM an.</translation>
    </message>
    <message>
        <source>The folder to write (created when missing).</source>
        <translation>Der zu schreibende Ordner (wird angelegt, falls er fehlt).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>gitspaces-setup export-ansible: unexpected argument %1</source>
        <translation>gitspaces-setup export-ansible: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>gitspaces-setup export-ansible: --config FILE and --out DIR are required.</source>
        <translation>gitspaces-setup export-ansible: --config DATEI und --out ORDNER sind erforderlich.</translation>
    </message>
    <message>
        <source>gitspaces-setup export-ansible: %1 is not a folder.</source>
        <translation>gitspaces-setup export-ansible: %1 ist kein Ordner.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the playbook for %n runner VM(s) to %1. Next: cd %1 &amp;&amp; ansible-playbook site.yml (README.md says where the token comes from).</source>
        <translation>
            <numerusform>Playbook für %n Runner-VM nach %1 geschrieben. Weiter mit: cd %1 &amp;&amp; ansible-playbook site.yml (README.md erklärt, woher das Token kommt).</numerusform>
            <numerusform>Playbook für %n Runner-VMs nach %1 geschrieben. Weiter mit: cd %1 &amp;&amp; ansible-playbook site.yml (README.md erklärt, woher das Token kommt).</numerusform>
        </translation>
    </message>
    <message>
        <source>how the VM is doing (exit 0 healthy, 1 something is down, 2 no connection)</source>
        <translation>wie es der VM geht (Exit 0 gesund, 1 etwas ist ausgefallen, 2 keine Verbindung)</translation>
    </message>
    <message>
        <source>upgrade the running delegate, keeping its name and token</source>
        <translation>den laufenden Delegate aktualisieren, Name und Token bleiben</translation>
    </message>
    <message>
        <source>print a container&apos;s log, known failure lines explained</source>
        <translation>das Log eines Containers ausgeben, bekannte Fehlerzeilen erklärt</translation>
    </message>
</context>
<context>
    <name>HostProbe</name>
    <message>
        <source>%1 cannot write the runner directory %2</source>
        <translation>%1 kann nicht in das Runner-Verzeichnis %2 schreiben</translation>
    </message>
    <message>
        <source>%1 cannot create the runner directory %2</source>
        <translation>%1 kann das Runner-Verzeichnis %2 nicht anlegen</translation>
    </message>
    <message>
        <source>and sudo asks for a password. Nothing was changed. Enter the sudo password and run again. If %1 may not use sudo, have the directory made for %1 once by someone who can: %2, or connect as a user who can use sudo.</source>
        <translation>und sudo verlangt ein Passwort. Nichts wurde geändert. Geben Sie das sudo-Passwort ein und führen Sie es erneut aus. Wenn %1 sudo nicht verwenden darf, lassen Sie das Verzeichnis einmalig von jemandem mit sudo-Rechten für %1 anlegen: %2, oder verbinden Sie sich als ein Benutzer, der sudo verwenden kann.</translation>
    </message>
    <message>
        <source>and cannot use sudo. Nothing was changed. Either have the directory made for %1 once by someone who can use sudo: %2, or connect as a user who can use sudo.</source>
        <translation>und kann sudo nicht verwenden. Nichts wurde geändert. Lassen Sie entweder das Verzeichnis einmalig von jemandem mit sudo-Rechten für %1 anlegen: %2, oder verbinden Sie sich als ein Benutzer, der sudo verwenden kann.</translation>
    </message>
</context>
<context>
    <name>LogDiagnosis</name>
    <message>
        <source>The manager rejected the delegate token: it is not a valid token of this account. Copy the token again from Account Settings → Delegates → Tokens (keep the trailing &quot;=&quot;) and use an account-level token.</source>
        <translation>Der Manager hat das Delegate-Token abgelehnt: Es ist kein gültiges Token dieses Kontos. Kopieren Sie das Token erneut aus Account Settings → Delegates → Tokens (mit dem abschließenden „=“) und verwenden Sie ein Token auf Kontoebene.</translation>
    </message>
    <message>
        <source>The delegate token was revoked; the delegate is frozen. Create or pick an active token under Account Settings → Delegates → Tokens.</source>
        <translation>Das Delegate-Token wurde widerrufen; der Delegate ist eingefroren. Legen Sie unter Account Settings → Delegates → Tokens ein aktives Token an oder wählen Sie eines aus.</translation>
    </message>
    <message>
        <source>The delegate token has expired; the delegate is frozen. Create a new token under Account Settings → Delegates → Tokens.</source>
        <translation>Das Delegate-Token ist abgelaufen; der Delegate ist eingefroren. Legen Sie unter Account Settings → Delegates → Tokens ein neues Token an.</translation>
    </message>
    <message>
        <source>The manager does not know this account id: either the ACCOUNT_ID is wrong or MANAGER_HOST_AND_PORT points at another Harness cluster. Check both on the Account Overview page.</source>
        <translation>Der Manager kennt diese Konto-ID nicht: Entweder ist ACCOUNT_ID falsch, oder MANAGER_HOST_AND_PORT zeigt auf einen anderen Harness-Cluster. Prüfen Sie beides auf der Seite Account Overview.</translation>
    </message>
    <message>
        <source>The delegate cannot reach the Harness manager (network, DNS or proxy). The VM needs outbound HTTPS to the manager URL.</source>
        <translation>Der Delegate erreicht den Harness-Manager nicht (Netzwerk, DNS oder Proxy). Die VM braucht ausgehendes HTTPS zur Manager-URL.</translation>
    </message>
    <message>
        <source>Registering with the manager failed (network, TLS or proxy); the delegate retries every minute. Check outbound HTTPS and the proxy settings.</source>
        <translation>Die Registrierung beim Manager ist fehlgeschlagen (Netzwerk, TLS oder Proxy); der Delegate versucht es jede Minute erneut. Prüfen Sie ausgehendes HTTPS und die Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>The manager rejected the registration or answered nothing; the delegate retries every minute. Check the account id, the token and the cluster URL.</source>
        <translation>Der Manager hat die Registrierung abgelehnt oder nichts geantwortet; der Delegate versucht es jede Minute erneut. Prüfen Sie Konto-ID, Token und Cluster-URL.</translation>
    </message>
    <message>
        <source>The WebSocket to the manager is blocked or dropped (usually a proxy or firewall). Allow WSS to the manager, or set POLL_FOR_TASKS=true.</source>
        <translation>Der WebSocket zum Manager ist blockiert oder wird getrennt (meist ein Proxy oder eine Firewall). Erlauben Sie WSS zum Manager, oder setzen Sie POLL_FOR_TASKS=true.</translation>
    </message>
    <message>
        <source>The delegate cannot reach the VM runner. Both containers must be on the &quot;harness&quot; network, the runner must be named vm-runner and be running, and RUNNER_URL must be http://vm-runner:3000/.</source>
        <translation>Der Delegate erreicht den VM-Runner nicht. Beide Container müssen im Netzwerk „harness“ sein, der Runner muss vm-runner heißen und laufen, und RUNNER_URL muss http://vm-runner:3000/ sein.</translation>
    </message>
    <message>
        <source>The delegate could not prepare its working directory or its init script failed; it will not start.</source>
        <translation>Der Delegate konnte sein Arbeitsverzeichnis nicht vorbereiten oder sein Init-Skript ist fehlgeschlagen; er startet nicht.</translation>
    </message>
    <message>
        <source>The delegate is short of memory or CPU and rejects tasks. Raise --memory/--cpus or use a larger VM.</source>
        <translation>Dem Delegate fehlt Speicher oder CPU, und er lehnt Aufgaben ab. Erhöhen Sie --memory/--cpus oder verwenden Sie eine größere VM.</translation>
    </message>
    <message>
        <source>The runner cannot read its pool file at the path given with --pool. The file must be in the runner directory, which is mounted at /runner.</source>
        <translation>Der Runner kann seine Pool-Datei unter dem mit --pool angegebenen Pfad nicht lesen. Die Datei muss im Runner-Verzeichnis liegen, das unter /runner eingehängt ist.</translation>
    </message>
    <message>
        <source>The runner cannot read the service-account key: json_path must be a path inside the container, such as /runner/&lt;key&gt;.json, and the key file must be there.</source>
        <translation>Der Runner kann den Dienstkonto-Schlüssel nicht lesen: json_path muss ein Pfad im Container sein, etwa /runner/&lt;key&gt;.json, und die Schlüsseldatei muss dort liegen.</translation>
    </message>
    <message>
        <source>The runner rejected the pool file; the log line says which entry. Fix pool.yaml and run again.</source>
        <translation>Der Runner hat die Pool-Datei abgelehnt; die Protokollzeile nennt den Eintrag. Korrigieren Sie pool.yaml und führen Sie es erneut aus.</translation>
    </message>
    <message>
        <source>The runner image does not match this VM&apos;s CPU (amd64 image on an arm64 VM). Use an x86 machine type, or drop --platform linux/amd64 so Docker picks the arm64 image.</source>
        <translation>Das Runner-Image passt nicht zur CPU dieser VM (amd64-Image auf einer arm64-VM). Verwenden Sie einen x86-Maschinentyp, oder entfernen Sie --platform linux/amd64, damit Docker das arm64-Image wählt.</translation>
    </message>
    <message>
        <source>Port 3000 is taken by another program on the VM. Stop it or free the port, then run again.</source>
        <translation>Port 3000 ist auf der VM von einem anderen Programm belegt. Beenden Sie es oder geben Sie den Port frei und führen Sie es dann erneut aus.</translation>
    </message>
    <message>
        <source>The runner stopped with a fatal error (see the line).</source>
        <translation>Der Runner wurde mit einem schweren Fehler beendet (siehe die Zeile).</translation>
    </message>
</context>
<context>
    <name>ResolveConnectJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>SetupState</name>
    <message>
        <source>not done</source>
        <translation>nicht erledigt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>done, with warnings</source>
        <translation>erledigt, mit Warnungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing was run on the VM yet.</source>
        <translation>Auf der VM wurde noch nichts ausgeführt.</translation>
    </message>
    <message>
        <source>Not done: %1 failed; see the messages above.</source>
        <translation>Nicht erledigt: %1 fehlgeschlagen; siehe die Meldungen oben.</translation>
    </message>
    <message>
        <source>Not done: %1 did not finish.</source>
        <translation>Nicht erledigt: %1 nicht abgeschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>Done, with %n unresolved warning(s) (listed above).</source>
        <translation>
            <numerusform>Erledigt, aber %n Warnung ist noch offen (oben aufgeführt).</numerusform>
            <numerusform>Erledigt, aber %n Warnungen sind noch offen (oben aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Account check from this computer: %1</source>
        <translation>Kontoprüfung von diesem Computer aus: %1</translation>
    </message>
</context>
<context>
    <name>StepContext</name>
    <message>
        <source>typed in the wizard</source>
        <translation>im Assistenten eingegeben</translation>
    </message>
    <message>
        <source>from the keychain</source>
        <translation>aus dem Schlüsselbund</translation>
    </message>
    <message>
        <source>from the environment</source>
        <translation>aus der Umgebung</translation>
    </message>
    <message>
        <source>from standard input</source>
        <translation>von der Standardeingabe</translation>
    </message>
    <message>
        <source>given to this run</source>
        <translation>an diesen Lauf übergeben</translation>
    </message>
    <message>
        <source>read from the running delegate</source>
        <translation>aus dem laufenden Delegate gelesen</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Preflight checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>VM runner</source>
        <translation>VM-Runner</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Deinstallieren</translation>
    </message>
    <message>
        <source>Manage the VM</source>
        <translation>VM verwalten</translation>
    </message>
</context>
<context>
    <name>gs</name>
    <message>
        <source>&quot;%1&quot; must be a mapping of keys to values.</source>
        <translation>„%1“ muss eine Zuordnung von Schlüsseln zu Werten sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a single value.</source>
        <translation>„%1“ muss ein einzelner Wert sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>„%1“ muss true oder false sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number.</source>
        <translation>„%1“ muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list.</source>
        <translation>„%1“ muss eine Liste sein.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1.%2&quot;; known keys are: %3.</source>
        <translation>Unbekannter Schlüssel „%1.%2“; bekannte Schlüssel sind: %3.</translation>
    </message>
    <message>
        <source>Prod-1 (app.harness.io)</source>
        <translation>Prod-1 (app.harness.io)</translation>
    </message>
    <message>
        <source>Prod-2 (app.harness.io/gratis)</source>
        <translation>Prod-2 (app.harness.io/gratis)</translation>
    </message>
    <message>
        <source>Prod-3 (app3.harness.io)</source>
        <translation>Prod-3 (app3.harness.io)</translation>
    </message>
    <message>
        <source>Prod-0 / Prod-4 (accounts.harness.io)</source>
        <translation>Prod-0 / Prod-4 (accounts.harness.io)</translation>
    </message>
    <message>
        <source>EU (accounts.eu.harness.io)</source>
        <translation>EU (accounts.eu.harness.io)</translation>
    </message>
    <message>
        <source>Custom URL…</source>
        <translation>Eigene URL …</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>es ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>not on the VM (%1)</source>
        <translation>nicht auf der VM (%1)</translation>
    </message>
    <message>
        <source>up since %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n Neustart</numerusform>
            <numerusform>%n Neustarts</numerusform>
        </translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>built %1</source>
        <translation>gebaut %1</translation>
    </message>
    <message>
        <source>Its log: %1</source>
        <translation>Sein Log: %1</translation>
    </message>
    <message>
        <source>Health check on port 3000: OK</source>
        <translation>Gesundheitsprüfung auf Port 3000: OK</translation>
    </message>
    <message>
        <source>Health check on port 3000: no answer</source>
        <translation>Gesundheitsprüfung auf Port 3000: keine Antwort</translation>
    </message>
    <message>
        <source>Health check on port 3000 answered: %1</source>
        <translation>Gesundheitsprüfung auf Port 3000 antwortete: %1</translation>
    </message>
    <message>
        <source>Connected in Harness: not asked (no API key; give one above to ask)</source>
        <translation>In Harness verbunden: nicht gefragt (kein API-Schlüssel; geben Sie oben einen an, um zu fragen)</translation>
    </message>
    <message>
        <source>Connected in Harness. %1</source>
        <translation>In Harness verbunden. %1</translation>
    </message>
    <message>
        <source>Not connected in Harness: %1</source>
        <translation>In Harness nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Harness could not be asked: %1</source>
        <translation>Harness konnte nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>Registered with id %1</source>
        <translation>Registriert mit ID %1</translation>
    </message>
    <message>
        <source>No &quot;Delegate registered with id&quot; line in its log</source>
        <translation>Keine Zeile „Delegate registered with id“ in seinem Log</translation>
    </message>
    <message>
        <source>Not installed: nothing upgrades the delegate by itself. &quot;Install the upgrader&quot; below adds it.</source>
        <translation>Nicht installiert: Nichts aktualisiert den Delegate von selbst. „Upgrader installieren“ unten fügt ihn hinzu.</translation>
    </message>
    <message>
        <source>The harness network is missing: the delegate cannot reach the runner.</source>
        <translation>Das harness-Netzwerk fehlt: Der Delegate erreicht den Runner nicht.</translation>
    </message>
    <message>
        <source>harness: nothing attached</source>
        <translation>harness: nichts verbunden</translation>
    </message>
    <message>
        <source>harness: %1</source>
        <translation>harness: %1</translation>
    </message>
    <message>
        <source>%1 is not attached to it.</source>
        <translation>%1 ist nicht damit verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n byte(s) on the VM; no local pool file to compare it with (pick one on the first page).</source>
        <translation>
            <numerusform>%1: %n Byte auf der VM; keine lokale Pool-Datei zum Vergleichen (wählen Sie eine auf der ersten Seite).</numerusform>
            <numerusform>%1: %n Bytes auf der VM; keine lokale Pool-Datei zum Vergleichen (wählen Sie eine auf der ersten Seite).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the same as the local file.</source>
        <translation>%1 ist gleich der lokalen Datei.</translation>
    </message>
    <message>
        <source>%1 on the VM differs from the local file.</source>
        <translation>%1 auf der VM unterscheidet sich von der lokalen Datei.</translation>
    </message>
</context>
<context>
    <name>gs::AccountCheckWidget</name>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Harness API key (optional, pat.… or sat.…): proposes the current delegate image</source>
        <translation>Harness-API-Schlüssel (optional, pat.… oder sat.…): schlägt das aktuelle Delegate-Image vor</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in files or logs.</source>
        <translation>Im System-Schlüsselbund aufbewahrt, nie in Dateien oder Protokollen.</translation>
    </message>
    <message>
        <source>Use this image</source>
        <translation>Dieses Image verwenden</translation>
    </message>
    <message>
        <source>Enter the account id to check it.</source>
        <translation>Geben Sie die Konto-ID ein, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Choose the Harness cluster to check the account against it.</source>
        <translation>Wählen Sie den Harness-Cluster, um das Konto dort zu prüfen.</translation>
    </message>
    <message>
        <source>Checking account %1 on %2…</source>
        <translation>Prüfe Konto %1 auf %2 …</translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation>%1 versuchen</translation>
    </message>
    <message>
        <source>Asking Harness for the current delegate version…</source>
        <translation>Frage Harness nach der aktuellen Delegate-Version …</translation>
    </message>
    <message>
        <source>The delegate image is the current one (%1).</source>
        <translation>Das Delegate-Image ist das aktuelle (%1).</translation>
    </message>
    <message>
        <source>Current delegate image: %1</source>
        <translation>Aktuelles Delegate-Image: %1</translation>
    </message>
    <message>
        <source>Harness API key</source>
        <translation>Harness-API-Schlüssel</translation>
    </message>
</context>
<context>
    <name>gs::AnsibleExport</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gs::CommandBuilder</name>
    <message>
        <source>Connect to the runner VM</source>
        <translation>Mit der Runner-VM verbinden</translation>
    </message>
    <message>
        <source>Open a shell on the VM through Google&apos;s IAP tunnel (run on your computer)</source>
        <translation>Eine Shell auf der VM über Googles IAP-Tunnel öffnen (auf Ihrem Computer ausführen)</translation>
    </message>
    <message>
        <source>Open a shell on the VM (run on your computer)</source>
        <translation>Eine Shell auf der VM öffnen (auf Ihrem Computer ausführen)</translation>
    </message>
    <message>
        <source>Install Docker</source>
        <translation>Docker installieren</translation>
    </message>
    <message>
        <source>Check that Docker is installed and its daemon answers</source>
        <translation>Prüfen, ob Docker installiert ist und sein Daemon antwortet</translation>
    </message>
    <message>
        <source>Install Docker from the distribution (Debian/Ubuntu), only if the check failed</source>
        <translation>Docker aus der Distribution installieren (Debian/Ubuntu), nur wenn die Prüfung fehlschlug</translation>
    </message>
    <message>
        <source>Start the Docker daemon now and at every boot</source>
        <translation>Den Docker-Daemon jetzt und bei jedem Systemstart starten</translation>
    </message>
    <message>
        <source>Start the VM runner</source>
        <translation>Den VM-Runner starten</translation>
    </message>
    <message>
        <source>Create the runner directory</source>
        <translation>Das Runner-Verzeichnis anlegen</translation>
    </message>
    <message>
        <source>Write the service-account key next to it (json_path points here); copy the key file to the VM first, e.g. with gcloud compute scp</source>
        <translation>Den Dienstkonto-Schlüssel daneben schreiben (json_path zeigt hierher); kopieren Sie die Schlüsseldatei zuerst auf die VM, z. B. mit gcloud compute scp</translation>
    </message>
    <message>
        <source>Create the &quot;harness&quot; Docker network, only if it is missing</source>
        <translation>Das Docker-Netzwerk „harness“ anlegen, nur wenn es fehlt</translation>
    </message>
    <message>
        <source>Only when replacing an existing runner: remove its container</source>
        <translation>Nur beim Ersetzen eines vorhandenen Runners: seinen Container entfernen</translation>
    </message>
    <message>
        <source>Start the runner container</source>
        <translation>Den Runner-Container starten</translation>
    </message>
    <message>
        <source>Install the Harness delegate</source>
        <translation>Den Harness-Delegate installieren</translation>
    </message>
    <message>
        <source>Only when replacing an existing delegate: remove its container</source>
        <translation>Nur beim Ersetzen eines vorhandenen Delegates: seinen Container entfernen</translation>
    </message>
    <message>
        <source>Paste the content of %1 here.</source>
        <translation>Fügen Sie hier den Inhalt von %1 ein.</translation>
    </message>
    <message>
        <source>Only when keeping the runner started by hand: name it vm-runner and let it restart with the VM</source>
        <translation>Nur beim Behalten des von Hand gestarteten Runners: ihn in vm-runner umbenennen und mit der VM neu starten lassen</translation>
    </message>
    <message>
        <source>Only when keeping the delegate started by hand: give it its delegate name as container name and let it restart with the VM</source>
        <translation>Nur beim Behalten des von Hand gestarteten Delegates: ihm seinen Delegate-Namen als Containernamen geben und ihn mit der VM neu starten lassen</translation>
    </message>
    <message>
        <source>Only when replacing the runner started by hand: remove it</source>
        <translation>Nur beim Ersetzen des von Hand gestarteten Runners: ihn entfernen</translation>
    </message>
    <message>
        <source>Only when replacing the delegate started by hand: remove it</source>
        <translation>Nur beim Ersetzen des von Hand gestarteten Delegates: ihn entfernen</translation>
    </message>
    <message>
        <source>Write pool.yaml into it, readable only by its owner (the old file stays until the new one is complete)</source>
        <translation>pool.yaml hineinschreiben, nur für den Eigentümer lesbar (die alte Datei bleibt bestehen, bis die neue vollständig ist)</translation>
    </message>
    <message>
        <source>Start the delegate; the token is handed over privately, never on the command line or in a file</source>
        <translation>Den Delegate starten; das Token wird vertraulich übergeben, nie auf der Kommandozeile oder in einer Datei</translation>
    </message>
</context>
<context>
    <name>gs::CommandView</name>
    <message>
        <source>Commands for this step:</source>
        <translation>Befehle für diesen Schritt:</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alle kopieren</translation>
    </message>
    <message>
        <source>Copy every command of this step, with comments</source>
        <translation>Alle Befehle dieses Schritts kopieren, mit Kommentaren</translation>
    </message>
    <message>
        <source>Fill in the fields above to see the commands.</source>
        <translation>Füllen Sie die Felder oben aus, um die Befehle zu sehen.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy this command</source>
        <translation>Diesen Befehl kopieren</translation>
    </message>
    <message>
        <source>Show or hide the commands</source>
        <translation>Befehle ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Kopieren: %1</translation>
    </message>
</context>
<context>
    <name>gs::ConfigFile</name>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: Die Datei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the file is larger than 1 MiB; this is not a setup config.</source>
        <translation>%1: Die Datei ist größer als 1 MiB; das ist keine Einrichtungskonfiguration.</translation>
    </message>
    <message>
        <source>%1: the file is empty.</source>
        <translation>%1: Die Datei ist leer.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; the sections are ssh, runner and delegate.</source>
        <translation>Unbekannter Abschnitt „%1“; die Abschnitte sind ssh, runner und delegate.</translation>
    </message>
    <message>
        <source>Remove &quot;delegate.token&quot;: the config file never holds the token. Keep it in the keychain, or pass it in GITSPACES_DELEGATE_TOKEN or with --token-stdin.</source>
        <translation>Entfernen Sie „delegate.token“: Die Konfigurationsdatei enthält nie das Token. Bewahren Sie es im Schlüsselbund auf, oder übergeben Sie es in GITSPACES_DELEGATE_TOKEN oder mit --token-stdin.</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML-Syntaxfehler: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gs::ConnectPage</name>
    <message>
        <source>Connect to the VM</source>
        <translation>Mit der VM verbinden</translation>
    </message>
    <message>
        <source>In the Cloud Console open the VM instance, click SSH → View gcloud command, and paste the command here. Or give the address of the VM.</source>
        <translation>Öffnen Sie in der Cloud Console die VM-Instanz, klicken Sie auf SSH → View gcloud command und fügen Sie den Befehl hier ein. Oder geben Sie die Adresse der VM an.</translation>
    </message>
    <message>
        <source>Through gcloud (pasted &quot;View gcloud command&quot;)</source>
        <translation>Über gcloud (eingefügter „View gcloud command“)</translation>
    </message>
    <message>
        <source>Directly with SSH</source>
        <translation>Direkt per SSH</translation>
    </message>
    <message>
        <source>gcloud command:</source>
        <translation>gcloud-Befehl:</translation>
    </message>
    <message>
        <source>Tunnel through IAP (--tunnel-through-iap)</source>
        <translation>Durch IAP tunneln (--tunnel-through-iap)</translation>
    </message>
    <message>
        <source>Instance *:</source>
        <translation>Instanz *:</translation>
    </message>
    <message>
        <source>Zone *:</source>
        <translation>Zone *:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <source>203.0.113.7, or a Host alias from ~/.ssh/config</source>
        <translation>203.0.113.7 oder ein Host-Alias aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Host *:</source>
        <translation>Host *:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>Paste the gcloud command or enter a host to see the command.</source>
        <translation>Fügen Sie den gcloud-Befehl ein oder geben Sie einen Host ein, um den Befehl zu sehen.</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>Privater SSH-Schlüssel</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the instance name and its zone, or paste the command.</source>
        <translation>Geben Sie den Instanznamen und seine Zone ein, oder fügen Sie den Befehl ein.</translation>
    </message>
    <message>
        <source>Put sudo in front of the commands to copy</source>
        <translation>sudo vor die zu kopierenden Befehle setzen</translation>
    </message>
    <message>
        <source>The documented commands omit sudo, but on a fresh GCP VM your user needs it. Once connected, Run for me checks the VM and uses sudo exactly where it is needed, and the commands shown follow.</source>
        <translation>Die dokumentierten Befehle lassen sudo weg, aber auf einer frischen GCP-VM braucht Ihr Benutzer es. Sobald Sie verbunden sind, prüft „Für mich ausführen“ die VM und verwendet sudo genau dort, wo es nötig ist; die angezeigten Befehle richten sich danach.</translation>
    </message>
    <message>
        <source>Checked on the VM: %1</source>
        <translation>Auf der VM geprüft: %1</translation>
    </message>
    <message>
        <source>Paste the gcloud compute ssh command, or enter the instance and zone.</source>
        <translation>Fügen Sie den Befehl gcloud compute ssh ein, oder geben Sie Instanz und Zone ein.</translation>
    </message>
    <message>
        <source>Enter the host to connect to.</source>
        <translation>Geben Sie den Host ein, mit dem verbunden werden soll.</translation>
    </message>
</context>
<context>
    <name>gs::ConnectionPanel</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <source>I know why the key changed (the VM was rebuilt) and checked the new fingerprint</source>
        <translation>Ich weiß, warum sich der Schlüssel geändert hat (die VM wurde neu aufgebaut), und habe den neuen Fingerabdruck geprüft</translation>
    </message>
    <message>
        <source>Replace the recorded key and connect</source>
        <translation>Den gespeicherten Schlüssel ersetzen und verbinden</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>Betriebssystem:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>Architektur:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab …</translation>
    </message>
    <message>
        <source>Using the passphrase kept in %1…</source>
        <translation>Verwende die in %1 aufbewahrte Passphrase …</translation>
    </message>
    <message>
        <source>That passphrase was wrong. Try again.</source>
        <translation>Diese Passphrase war falsch. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server rejected that password. Try again.</source>
        <translation>Der Server hat dieses Passwort abgelehnt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Keep the passphrase in %1</source>
        <translation>Die Passphrase in %1 aufbewahren</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>The passphrase could not be kept: %1</source>
        <translation>Die Passphrase konnte nicht aufbewahrt werden: %1</translation>
    </message>
    <message>
        <source>Connected. Reading the host&apos;s details…</source>
        <translation>Verbunden. Lese die Angaben des Hosts …</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <source>Asking gcloud how to reach the VM…</source>
        <translation>Frage gcloud, wie die VM zu erreichen ist …</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Waiting for your decision on the host key of %1…</source>
        <translation>Warte auf Ihre Entscheidung zum Host-Schlüssel von %1 …</translation>
    </message>
</context>
<context>
    <name>gs::ContainerLogView</name>
    <message>
        <source>Container log</source>
        <translation>Container-Log</translation>
    </message>
    <message>
        <source>The log shows here once it is followed.</source>
        <translation>Das Log erscheint hier, sobald ihm gefolgt wird.</translation>
    </message>
</context>
<context>
    <name>gs::CopyFeedback</name>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>gs::CopyField</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Kopieren: %1</translation>
    </message>
</context>
<context>
    <name>gs::DelegateCommandDialog</name>
    <message>
        <source>Paste the command from Harness</source>
        <translation>Befehl aus Harness einfügen</translation>
    </message>
    <message>
        <source>In Harness: Account Settings → Account Resources → Delegates → New Delegate → Docker. Copy the docker run command and paste it here, or the command from the Gitspaces documentation with its values filled in.</source>
        <translation>In Harness: Account Settings → Account Resources → Delegates → New Delegate → Docker. Kopieren Sie den Befehl docker run und fügen Sie ihn hier ein, oder den Befehl aus der Gitspaces-Dokumentation mit eingesetzten Werten.</translation>
    </message>
    <message>
        <source>Fill the fields</source>
        <translation>Felder ausfüllen</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>gs::DelegatePage</name>
    <message>
        <source>Install the Delegate</source>
        <translation>Delegate installieren</translation>
    </message>
    <message>
        <source>In Harness: Account Settings → Account Resources → Delegates → New Delegate → Docker. Copy the account id and the delegate token from there. Gitspaces work only with account-level delegates.</source>
        <translation>In Harness: Account Settings → Account Resources → Delegates → New Delegate → Docker. Kopieren Sie von dort die Konto-ID und das Delegate-Token. Gitspaces funktionieren nur mit Delegates auf Kontoebene.</translation>
    </message>
    <message>
        <source>Delegate name *:</source>
        <translation>Delegate-Name *:</translation>
    </message>
    <message>
        <source>Account id *:</source>
        <translation>Konto-ID *:</translation>
    </message>
    <message>
        <source>22 characters, e.g. 6_vVHzo9Qeu9fXvj-AcQCb</source>
        <translation>22 Zeichen, z. B. 6_vVHzo9Qeu9fXvj-AcQCb</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the token here and in the commands, and copy it in clear</source>
        <translation>Das Token hier und in den Befehlen zeigen und im Klartext kopieren</translation>
    </message>
    <message>
        <source>Delegate token:</source>
        <translation>Delegate-Token:</translation>
    </message>
    <message>
        <source>Remember the token and account id in the keychain</source>
        <translation>Token und Konto-ID im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Remove the token and account id from the keychain</source>
        <translation>Token und Konto-ID aus dem Schlüsselbund entfernen</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. gitspaces, gcp</source>
        <translation>Durch Kommas getrennt, z. B. gitspaces, gcp</translation>
    </message>
    <message>
        <source>Harness cluster *:</source>
        <translation>Harness-Cluster *:</translation>
    </message>
    <message>
        <source>Manager URL:</source>
        <translation>Manager-URL:</translation>
    </message>
    <message>
        <source>Delegate image *:</source>
        <translation>Delegate-Image *:</translation>
    </message>
    <message>
        <source>CPUs *:</source>
        <translation>CPUs *:</translation>
    </message>
    <message>
        <source>Memory *:</source>
        <translation>Speicher *:</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Without a token here the copied command asks for it at a hidden prompt (read -rs), so it stays out of the shell history.</source>
        <translation>Ohne Token hier fragt der kopierte Befehl verdeckt danach (read -rs), sodass es nicht in die Shell-History gelangt.</translation>
    </message>
    <message>
        <source>Needed for Run for me; copied commands ask for it on the VM instead</source>
        <translation>Nötig für „Für mich ausführen“; kopierte Befehle fragen stattdessen auf der VM danach</translation>
    </message>
    <message>
        <source>Fill in this page first.</source>
        <translation>Füllen Sie zuerst diese Seite aus.</translation>
    </message>
    <message>
        <source>the delegate name</source>
        <translation>den Delegate-Namen</translation>
    </message>
    <message>
        <source>the account id</source>
        <translation>die Konto-ID</translation>
    </message>
    <message>
        <source>the manager URL</source>
        <translation>die Manager-URL</translation>
    </message>
    <message>
        <source>the delegate image</source>
        <translation>das Delegate-Image</translation>
    </message>
    <message>
        <source>the CPUs</source>
        <translation>die Anzahl der CPUs</translation>
    </message>
    <message>
        <source>the memory</source>
        <translation>die Speichergröße</translation>
    </message>
    <message>
        <source>Run for me needs %1.</source>
        <translation>„Für mich ausführen“ braucht %1.</translation>
    </message>
    <message>
        <source>Delegate name</source>
        <translation>Delegate-Name</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Delegate token</source>
        <translation>Delegate-Token</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Manager URL</source>
        <translation>Manager-URL</translation>
    </message>
    <message>
        <source>Delegate image</source>
        <translation>Delegate-Image</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Run for me needs the delegate token; the copied commands ask for it on the VM instead.</source>
        <translation>„Für mich ausführen“ braucht das Delegate-Token; die kopierten Befehle fragen stattdessen auf der VM danach.</translation>
    </message>
    <message>
        <source>Paste the command from Harness…</source>
        <translation>Befehl aus Harness einfügen …</translation>
    </message>
    <message>
        <source>Fill the fields from the docker run command that Harness shows under New Delegate → Docker</source>
        <translation>Die Felder aus dem Befehl docker run ausfüllen, den Harness unter New Delegate → Docker anzeigt</translation>
    </message>
    <message>
        <source>Filled in from the pasted command.</source>
        <translation>Aus dem eingefügten Befehl ausgefüllt.</translation>
    </message>
</context>
<context>
    <name>gs::DelegateStatusWidget</name>
    <message>
        <source>Harness API key (pat.… or sat.…)</source>
        <translation>Harness-API-Schlüssel (pat.… oder sat.…)</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in files or logs.</source>
        <translation>Im System-Schlüsselbund aufbewahrt, nie in Dateien oder Protokollen.</translation>
    </message>
    <message>
        <source>Check in Harness</source>
        <translation>In Harness prüfen</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>Ask Harness whether the delegate is connected (needs an API key).</source>
        <translation>Harness fragen, ob der Delegate verbunden ist (braucht einen API-Schlüssel).</translation>
    </message>
    <message>
        <source>Asking Harness about delegate &quot;%1&quot;…</source>
        <translation>Frage Harness nach Delegate „%1“ …</translation>
    </message>
    <message>
        <source>A new delegate takes a minute or two; check again shortly.</source>
        <translation>Ein neuer Delegate braucht ein bis zwei Minuten; prüfen Sie gleich noch einmal.</translation>
    </message>
    <message>
        <source>Check the delegate name, the account and the delegate&apos;s logs.</source>
        <translation>Prüfen Sie den Delegate-Namen, das Konto und die Protokolle des Delegates.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>The delegate container on this VM</source>
        <translation>Der Delegate-Container auf dieser VM</translation>
    </message>
    <message>
        <source>Harness API key</source>
        <translation>Harness-API-Schlüssel</translation>
    </message>
</context>
<context>
    <name>gs::DockerPage</name>
    <message>
        <source>Install Docker</source>
        <translation>Docker installieren</translation>
    </message>
    <message>
        <source>The runner and the delegate run as Docker containers on the VM. Run these commands on the VM: they check for Docker and install it only if it is missing.</source>
        <translation>Runner und Delegate laufen als Docker-Container auf der VM. Führen Sie diese Befehle auf der VM aus: Sie prüfen, ob Docker da ist, und installieren es nur, wenn es fehlt.</translation>
    </message>
    <message>
        <source>Docker&apos;s own guide:</source>
        <translation>Die Anleitung von Docker:</translation>
    </message>
    <message>
        <source>docs.docker.com/engine/install</source>
        <translation>docs.docker.com/engine/install</translation>
    </message>
</context>
<context>
    <name>gs::DockerRunImport</name>
    <message>
        <source>This is far longer than a docker run command; paste only that.</source>
        <translation>Das ist viel länger als ein Befehl docker run; fügen Sie nur diesen ein.</translation>
    </message>
    <message>
        <source>Left out (this setup does not use them): %1.</source>
        <translation>Weggelassen (diese Einrichtung verwendet sie nicht): %1.</translation>
    </message>
    <message>
        <source>Added, which the pasted command lacks: %1.</source>
        <translation>Ergänzt, da im eingefügten Befehl nicht enthalten: %1.</translation>
    </message>
</context>
<context>
    <name>gs::GcloudSshCommand</name>
    <message>
        <source>A quote is not closed; paste the whole command again.</source>
        <translation>Ein Anführungszeichen ist nicht geschlossen; fügen Sie den ganzen Befehl erneut ein.</translation>
    </message>
    <message>
        <source>This is not a &quot;gcloud compute ssh&quot; command. In the Cloud Console, open the VM, click SSH → View gcloud command, and paste that.</source>
        <translation>Das ist kein „gcloud compute ssh“-Befehl. Öffnen Sie in der Cloud Console die VM, klicken Sie auf SSH → View gcloud command und fügen Sie diesen ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value.</source>
        <translation>„%1“ braucht einen Wert.</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot;: the command names one VM instance.</source>
        <translation>Unerwartetes „%1“: Der Befehl nennt eine einzige VM-Instanz.</translation>
    </message>
    <message>
        <source>The command names no VM instance.</source>
        <translation>Der Befehl nennt keine VM-Instanz.</translation>
    </message>
    <message>
        <source>The command has no --zone; copy it from the Cloud Console, which always adds it.</source>
        <translation>Der Befehl hat kein --zone; kopieren Sie ihn aus der Cloud Console, die es immer hinzufügt.</translation>
    </message>
    <message>
        <source>Remove the remote command (&quot;%1&quot;): the wizard runs its own.</source>
        <translation>Entfernen Sie den Remote-Befehl („%1“): Der Assistent führt seine eigenen Befehle aus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not name a valid port.</source>
        <translation>„%1“ ist kein gültiger Port.</translation>
    </message>
    <message>
        <source>--tunnel-through-iap and --internal-ip exclude each other; keep one.</source>
        <translation>--tunnel-through-iap und --internal-ip schließen einander aus; behalten Sie eine der beiden Optionen.</translation>
    </message>
</context>
<context>
    <name>gs::HostKeyDialog</name>
    <message>
        <source>Trust this host key?</source>
        <translation>Diesem Host-Schlüssel vertrauen?</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <source>ssh-keygen -lf:</source>
        <translation>ssh-keygen -lf:</translation>
    </message>
    <message>
        <source>&amp;Trust this key</source>
        <translation>Diesem Schlüssel &amp;vertrauen</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>This is the first connection to %1. Compare its host key with what the VM reports before trusting it. Once trusted it is remembered in %2.</source>
        <translation>Dies ist die erste Verbindung zu %1. Vergleichen Sie den Host-Schlüssel mit dem, was die VM meldet, bevor Sie ihm vertrauen. Sobald Sie ihm vertrauen, wird er in %2 gespeichert.</translation>
    </message>
    <message>
        <source>On the VM (serial console or an existing session):</source>
        <translation>Auf der VM (serielle Konsole oder eine bestehende Sitzung):</translation>
    </message>
    <message>
        <source>For a Google Cloud VM, the host keys the instance published (pipe one line, type and key, into ssh-keygen -lf - to get its fingerprint):</source>
        <translation>Bei einer Google-Cloud-VM die Host-Schlüssel, die die Instanz veröffentlicht hat (leiten Sie eine Zeile, Typ und Schlüssel, per Pipe an ssh-keygen -lf - weiter, um ihren Fingerabdruck zu erhalten):</translation>
    </message>
</context>
<context>
    <name>gs::InputChecks</name>
    <message>
        <source>Enter a delegate name, for example &quot;gitspaces-delegate&quot;.</source>
        <translation>Geben Sie einen Delegate-Namen ein, zum Beispiel „gitspaces-delegate“.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; use at most 63.</source>
        <translation>Der Name ist %1 Zeichen lang; verwenden Sie höchstens 63.</translation>
    </message>
    <message>
        <source>Use lowercase letters only: &quot;%1&quot;.</source>
        <translation>Verwenden Sie nur Kleinbuchstaben: „%1“.</translation>
    </message>
    <message>
        <source>Use only lowercase letters, digits and &quot;-&quot; (no spaces, dots or &quot;_&quot;).</source>
        <translation>Verwenden Sie nur Kleinbuchstaben, Ziffern und „-“ (keine Leerzeichen, Punkte oder „_“).</translation>
    </message>
    <message>
        <source>The name must start with a letter.</source>
        <translation>Der Name muss mit einem Buchstaben beginnen.</translation>
    </message>
    <message>
        <source>The name must end with a letter, not a digit or &quot;-&quot;.</source>
        <translation>Der Name muss mit einem Buchstaben enden, nicht mit einer Ziffer oder „-“.</translation>
    </message>
    <message>
        <source>Enter the account ID: it is the part after /account/ in any Harness URL, or on Account Settings → Account Details.</source>
        <translation>Geben Sie die Konto-ID ein: Sie ist der Teil nach /account/ in jeder Harness-URL oder steht unter Account Settings → Account Details.</translation>
    </message>
    <message>
        <source>Remove the spaces from the account ID.</source>
        <translation>Entfernen Sie die Leerzeichen aus der Konto-ID.</translation>
    </message>
    <message>
        <source>An account ID has only letters, digits, &quot;-&quot; and &quot;_&quot;; copy it again from the Harness URL.</source>
        <translation>Eine Konto-ID besteht nur aus Buchstaben, Ziffern, „-“ und „_“; kopieren Sie sie erneut aus der Harness-URL.</translation>
    </message>
    <message>
        <source>An account ID is 22 characters long; this one has %1. Copy it again from the Harness URL.</source>
        <translation>Eine Konto-ID ist 22 Zeichen lang; diese hat %1. Kopieren Sie sie erneut aus der Harness-URL.</translation>
    </message>
    <message>
        <source>Enter the delegate token from Account Settings → Delegates → Tokens.</source>
        <translation>Geben Sie das Delegate-Token aus Account Settings → Delegates → Tokens ein.</translation>
    </message>
    <message>
        <source>Remove the spaces or line breaks from the token.</source>
        <translation>Entfernen Sie die Leerzeichen oder Zeilenumbrüche aus dem Token.</translation>
    </message>
    <message>
        <source>A delegate token is base64 text (letters, digits, &quot;+&quot;, &quot;/&quot;, &quot;=&quot;); copy it again.</source>
        <translation>Ein Delegate-Token ist Base64-Text (Buchstaben, Ziffern, „+“, „/“, „=“); kopieren Sie es erneut.</translation>
    </message>
    <message>
        <source>The token must end with &quot;=&quot;; it was probably cut off when copying.</source>
        <translation>Das Token muss mit „=“ enden; es wurde beim Kopieren wohl abgeschnitten.</translation>
    </message>
    <message>
        <source>A delegate token is 44 characters ending in &quot;=&quot;; this one has %1. Copy it again.</source>
        <translation>Ein Delegate-Token hat 44 Zeichen und endet auf „=“; dieses hat %1. Kopieren Sie es erneut.</translation>
    </message>
    <message>
        <source>Choose your Harness cluster, or enter the manager URL from the delegate install command (MANAGER_HOST_AND_PORT).</source>
        <translation>Wählen Sie Ihren Harness-Cluster, oder geben Sie die Manager-URL aus dem Delegate-Installationsbefehl ein (MANAGER_HOST_AND_PORT).</translation>
    </message>
    <message>
        <source>Enter a full URL such as https://app.harness.io.</source>
        <translation>Geben Sie eine vollständige URL ein, etwa https://app.harness.io.</translation>
    </message>
    <message>
        <source>The manager URL must start with https://.</source>
        <translation>Die Manager-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Remove the trailing &quot;/&quot;: the delegate appends /api/ itself.</source>
        <translation>Entfernen Sie das abschließende „/“: Der Delegate hängt /api/ selbst an.</translation>
    </message>
    <message>
        <source>Remove &quot;/api&quot; from the end: the delegate appends it itself.</source>
        <translation>Entfernen Sie „/api“ am Ende: Der Delegate hängt es selbst an.</translation>
    </message>
    <message>
        <source>The manager URL has no &quot;?&quot; or &quot;#&quot; part.</source>
        <translation>Die Manager-URL hat keinen „?“- oder „#“-Teil.</translation>
    </message>
    <message>
        <source>Enter the number of CPUs as a positive number, such as 1 or 1.5.</source>
        <translation>Geben Sie die Anzahl der CPUs als positive Zahl ein, etwa 1 oder 1.5.</translation>
    </message>
    <message>
        <source>Enter the memory limit as Docker expects it: a number with b, k, m or g, such as 2g.</source>
        <translation>Geben Sie das Speicherlimit so ein, wie Docker es erwartet: eine Zahl mit b, k, m oder g, etwa 2g.</translation>
    </message>
    <message>
        <source>Docker needs at least 6m of memory; the delegate needs about 2g.</source>
        <translation>Docker braucht mindestens 6m Speicher; der Delegate braucht etwa 2g.</translation>
    </message>
    <message>
        <source>Enter an image reference such as registry.example.com/name:tag.</source>
        <translation>Geben Sie eine Image-Referenz ein, etwa registry.example.com/name:tag.</translation>
    </message>
    <message>
        <source>Remove the spaces from the image reference.</source>
        <translation>Entfernen Sie die Leerzeichen aus der Image-Referenz.</translation>
    </message>
    <message>
        <source>Image names are lowercase (only the tag may have capitals).</source>
        <translation>Image-Namen sind kleingeschrieben (nur der Tag darf Großbuchstaben enthalten).</translation>
    </message>
    <message>
        <source>This is not a valid image reference; expected registry/name:tag, for example drone/drone-runner-aws:latest.</source>
        <translation>Das ist keine gültige Image-Referenz; erwartet wird registry/name:tag, zum Beispiel drone/drone-runner-aws:latest.</translation>
    </message>
    <message>
        <source>Remove the empty tag.</source>
        <translation>Entfernen Sie den leeren Tag.</translation>
    </message>
    <message>
        <source>Tags are separated already; a tag cannot contain &quot;,&quot;.</source>
        <translation>Die Tags sind bereits getrennt; ein Tag darf kein „,“ enthalten.</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; may use only letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;.</source>
        <translation>Der Tag „%1“ darf nur Buchstaben, Ziffern, „-“, „_“ und „.“ enthalten.</translation>
    </message>
    <message>
        <source>Enter the VM&apos;s address or a Host alias from ~/.ssh/config, or paste the gcloud command.</source>
        <translation>Geben Sie die Adresse der VM oder einen Host-Alias aus ~/.ssh/config ein, oder fügen Sie den gcloud-Befehl ein.</translation>
    </message>
    <message>
        <source>Remove the spaces from the host.</source>
        <translation>Entfernen Sie die Leerzeichen aus dem Host.</translation>
    </message>
    <message>
        <source>A host is a name or an IP address; remove characters such as ; $ or @.</source>
        <translation>Ein Host ist ein Name oder eine IP-Adresse; entfernen Sie Zeichen wie ; $ oder @.</translation>
    </message>
    <message>
        <source>Enter a port between 1 and 65535 (SSH uses 22).</source>
        <translation>Geben Sie einen Port zwischen 1 und 65535 ein (SSH verwendet 22).</translation>
    </message>
    <message>
        <source>A user name has only letters, digits, &quot;.&quot;, &quot;-&quot; and &quot;_&quot;.</source>
        <translation>Ein Benutzername besteht nur aus Buchstaben, Ziffern, „.“, „-“ und „_“.</translation>
    </message>
    <message>
        <source>Enter an absolute path on the VM, such as /runner.</source>
        <translation>Geben Sie einen absoluten Pfad auf der VM ein, etwa /runner.</translation>
    </message>
    <message>
        <source>Choose a directory of its own, such as /runner, not /.</source>
        <translation>Wählen Sie ein eigenes Verzeichnis, etwa /runner, nicht /.</translation>
    </message>
    <message>
        <source>Use only letters, digits, &quot;/&quot;, &quot;.&quot;, &quot;-&quot; and &quot;_&quot; in the directory (Docker&apos;s -v option cannot take &quot;:&quot; or spaces).</source>
        <translation>Verwenden Sie im Verzeichnis nur Buchstaben, Ziffern, „/“, „.“, „-“ und „_“ (die Docker-Option -v verträgt kein „:“ und keine Leerzeichen).</translation>
    </message>
</context>
<context>
    <name>gs::KeychainJob</name>
    <message>
        <source>The keychain refused access (%1). Unlock it and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (%1). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Nothing was stored; the values are kept in memory until the wizard closes.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Nichts wurde gespeichert; die Werte bleiben im Speicher, bis der Assistent geschlossen wird.</translation>
    </message>
    <message>
        <source>The keychain could not delete the entry: %1</source>
        <translation>Der Schlüsselbund konnte den Eintrag nicht löschen: %1</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s). Nothing was stored; check that the keychain is unlocked and try again.</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet. Nichts wurde gespeichert; prüfen Sie, ob der Schlüsselbund entsperrt ist, und versuchen Sie es erneut.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet. Nichts wurde gespeichert; prüfen Sie, ob der Schlüsselbund entsperrt ist, und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keychain is locked, so the stored value could not be read. Unlock the keychain and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher konnte der gespeicherte Wert nicht gelesen werden. Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>gs::KeychainSecretStore</name>
    <message>
        <source>the system keychain</source>
        <translation>der System-Schlüsselbund</translation>
    </message>
</context>
<context>
    <name>gs::Lexer</name>
    <message>
        <source>&quot;%1&quot; is filled in by a shell; paste the command with the values in it.</source>
        <translation>„%1“ wird von einer Shell ausgefüllt; fügen Sie den Befehl mit den eingesetzten Werten ein.</translation>
    </message>
    <message>
        <source>This quote is never closed; paste the whole command again.</source>
        <translation>Dieses Anführungszeichen wird nie geschlossen; fügen Sie den ganzen Befehl erneut ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a placeholder from the documentation: put the value from the Harness UI&apos;s command there.</source>
        <translation>„%1“ ist ein Platzhalter aus der Dokumentation: Setzen Sie dort den Wert aus dem Befehl in der Harness-Oberfläche ein.</translation>
    </message>
    <message>
        <source>%1 is a typographic quote, which the shell does not take as a quote; type a straight quote (&quot; or &apos;) instead.</source>
        <translation>%1 ist ein typografisches Anführungszeichen, das die Shell nicht als Anführungszeichen erkennt; tippen Sie stattdessen ein gerades (&quot; oder &apos;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; would make this more than one docker run command; paste only the docker run command.</source>
        <translation>„%1“ würde daraus mehr als einen Befehl docker run machen; fügen Sie nur den Befehl docker run ein.</translation>
    </message>
    <message>
        <source>A second command starts on this line; paste only the docker run command (a line that goes on ends with &quot;\&quot;).</source>
        <translation>In dieser Zeile beginnt ein zweiter Befehl; fügen Sie nur den Befehl docker run ein (eine fortgesetzte Zeile endet mit „\“).</translation>
    </message>
</context>
<context>
    <name>gs::LinkButton</name>
    <message>
        <source>Opens %1 in the web browser</source>
        <translation>Öffnet %1 im Webbrowser</translation>
    </message>
</context>
<context>
    <name>gs::ManageActions</name>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Restart the VM runner</source>
        <translation>VM-Runner neu starten</translation>
    </message>
    <message>
        <source>Restart the delegate</source>
        <translation>Delegate neu starten</translation>
    </message>
    <message>
        <source>Restarts the vm-runner container and waits until its health check answers again.</source>
        <translation>Startet den Container vm-runner neu und wartet, bis seine Gesundheitsprüfung wieder antwortet.</translation>
    </message>
    <message>
        <source>Restarts the delegate container and waits until it is healthy and registered with Harness again.</source>
        <translation>Startet den Delegate-Container neu und wartet, bis er wieder gesund und bei Harness registriert ist.</translation>
    </message>
    <message>
        <source>Restart the runner</source>
        <translation>Runner neu starten</translation>
    </message>
    <message>
        <source>Upgrade the delegate</source>
        <translation>Delegate aktualisieren</translation>
    </message>
    <message>
        <source>Replaces the delegate with another image tag. Its name, account, tags, manager and token are read from the running container and kept; you confirm before anything changes.</source>
        <translation>Ersetzt den Delegate durch ein anderes Image-Tag. Name, Konto, Tags, Manager und Token werden aus dem laufenden Container gelesen und beibehalten; Sie bestätigen, bevor sich etwas ändert.</translation>
    </message>
    <message>
        <source>Image &amp;tag:</source>
        <translation>Image-&amp;Tag:</translation>
    </message>
    <message>
        <source>Latest from Harness</source>
        <translation>Neueste von Harness</translation>
    </message>
    <message>
        <source>e.g. 26.02.88404</source>
        <translation>z. B. 26.02.88404</translation>
    </message>
    <message>
        <source>The delegate&apos;s image keeps its repository; only the tag changes.</source>
        <translation>Das Image des Delegates behält sein Repository; nur das Tag ändert sich.</translation>
    </message>
    <message>
        <source>Empty: Harness is asked for the latest supported version.</source>
        <translation>Leer: Harness wird nach der neuesten unterstützten Version gefragt.</translation>
    </message>
    <message>
        <source>Type the tag to upgrade to, or give a Harness API key above to use the latest supported version.</source>
        <translation>Geben Sie das Ziel-Tag ein oder oben einen Harness-API-Schlüssel, um die neueste unterstützte Version zu verwenden.</translation>
    </message>
    <message>
        <source>Edit pool.yaml on the VM</source>
        <translation>pool.yaml auf der VM bearbeiten</translation>
    </message>
    <message>
        <source>The pool file the runner reads, as it is on the VM. Saving replaces it atomically, restarts the runner and waits for its health check.</source>
        <translation>Die Pool-Datei, die der Runner liest, wie sie auf der VM liegt. Speichern ersetzt sie atomar, startet den Runner neu und wartet auf seine Gesundheitsprüfung.</translation>
    </message>
    <message>
        <source>Check the status first: the file comes from the VM.</source>
        <translation>Prüfen Sie zuerst den Zustand: Die Datei kommt von der VM.</translation>
    </message>
    <message>
        <source>Load from the VM again</source>
        <translation>Erneut von der VM laden</translation>
    </message>
    <message>
        <source>Save to the VM and restart the runner</source>
        <translation>Auf der VM speichern und den Runner neu starten</translation>
    </message>
    <message>
        <source>Follow a log</source>
        <translation>Einem Log folgen</translation>
    </message>
    <message>
        <source>The container&apos;s log as it comes; known failure lines are marked and explained. Cancel stops it at once.</source>
        <translation>Das Log des Containers, wie es kommt; bekannte Fehlerzeilen werden markiert und erklärt. Abbrechen beendet es sofort.</translation>
    </message>
    <message>
        <source>VM runner</source>
        <translation>VM-Runner</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>Keep following</source>
        <translation>Weiter folgen</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>Log anzeigen</translation>
    </message>
    <message>
        <source>Install the upgrader</source>
        <translation>Upgrader installieren</translation>
    </message>
    <message>
        <source>Docker delegates do not upgrade themselves. Harness&apos;s upgrader container replaces the delegate with the current version on a schedule; it reads the delegate&apos;s token from the running delegate (on standard input, never on the command line).</source>
        <translation>Docker-Delegates aktualisieren sich nicht selbst. Der Upgrader-Container von Harness ersetzt den Delegate nach Zeitplan durch die aktuelle Version; er erhält das Token des laufenden Delegates (über die Standardeingabe, nie auf der Befehlszeile).</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Deinstallieren</translation>
    </message>
    <message>
        <source>Removes the delegate and the runner containers this setup made or adopted, and nothing else; each command checks that first. You see the exact commands before anything is removed.</source>
        <translation>Entfernt die Delegate- und Runner-Container, die dieses Setup angelegt oder übernommen hat, und sonst nichts; jeder Befehl prüft das zuerst. Sie sehen die genauen Befehle, bevor etwas entfernt wird.</translation>
    </message>
    <message>
        <source>Also remove the harness network (kept while another container uses it)</source>
        <translation>Auch das harness-Netzwerk entfernen (bleibt, solange ein anderer Container es nutzt)</translation>
    </message>
    <message>
        <source>Also remove the files the setup wrote and the runner directory</source>
        <translation>Auch die vom Setup geschriebenen Dateien und das Runner-Verzeichnis entfernen</translation>
    </message>
    <message>
        <source>Uninstall for me</source>
        <translation>Für mich deinstallieren</translation>
    </message>
    <message>
        <source>Start the upgrader</source>
        <translation>Upgrader starten</translation>
    </message>
    <message>
        <source>%1 as read from the VM with the last status.</source>
        <translation>%1, wie mit dem letzten Zustand von der VM gelesen.</translation>
    </message>
    <message>
        <source>%1 could not be read from the VM: %2</source>
        <translation>%1 konnte nicht von der VM gelesen werden: %2</translation>
    </message>
    <message>
        <source>Another action is running: wait for it, or cancel it.</source>
        <translation>Eine andere Aktion läuft: Warten Sie darauf oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Not ready yet.</source>
        <translation>Noch nicht bereit.</translation>
    </message>
    <message>
        <source>Nothing to save yet: the pool file comes with the status.</source>
        <translation>Noch nichts zu speichern: Die Pool-Datei kommt mit dem Zustand.</translation>
    </message>
    <message>
        <source>Fix the errors in pool.yaml first: the runner would refuse it.</source>
        <translation>Beheben Sie zuerst die Fehler in pool.yaml: Der Runner würde sie ablehnen.</translation>
    </message>
    <message>
        <source>Which tag? Type one, or give a Harness API key above so that the latest supported version is used.</source>
        <translation>Welches Tag? Geben Sie eines ein oder oben einen Harness-API-Schlüssel, damit die neueste unterstützte Version verwendet wird.</translation>
    </message>
</context>
<context>
    <name>gs::ManagePage</name>
    <message>
        <source>Manage the VM</source>
        <translation>VM verwalten</translation>
    </message>
    <message>
        <source>How the runner and the delegate on the VM are doing, and what you can do about it: restart, upgrade, edit pool.yaml, read the logs, or uninstall.</source>
        <translation>Wie es Runner und Delegate auf der VM geht und was Sie tun können: neu starten, aktualisieren, pool.yaml bearbeiten, die Logs lesen oder deinstallieren.</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Optional: to ask Harness whether the delegate is connected</source>
        <translation>Optional: um Harness zu fragen, ob der Delegate verbunden ist</translation>
    </message>
    <message>
        <source>Harness API &amp;key:</source>
        <translation>Harness-API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Not connected: go back to the SSH page and connect to the VM to see its status and act on it.</source>
        <translation>Nicht verbunden: Gehen Sie zurück zur SSH-Seite und verbinden Sie sich mit der VM, um ihren Zustand zu sehen und zu handeln.</translation>
    </message>
    <message>
        <source>Connect on the SSH page first.</source>
        <translation>Verbinden Sie sich zuerst auf der SSH-Seite.</translation>
    </message>
    <message>
        <source>No status yet.</source>
        <translation>Noch kein Zustand.</translation>
    </message>
    <message>
        <source>Asking the VM…</source>
        <translation>Frage die VM…</translation>
    </message>
    <message>
        <source>The status could not be read.</source>
        <translation>Der Zustand konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The VM did not answer.</source>
        <translation>Die VM hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Checked at %1.</source>
        <translation>Geprüft um %1.</translation>
    </message>
</context>
<context>
    <name>gs::ManageStatusView</name>
    <message>
        <source>VM runner:</source>
        <translation>VM-Runner:</translation>
    </message>
    <message>
        <source>Delegate:</source>
        <translation>Delegate:</translation>
    </message>
    <message>
        <source>Upgrader:</source>
        <translation>Upgrader:</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netzwerk:</translation>
    </message>
    <message>
        <source>Pool file:</source>
        <translation>Pool-Datei:</translation>
    </message>
    <message>
        <source>Show differences</source>
        <translation>Unterschiede zeigen</translation>
    </message>
    <message>
        <source>Differences between pool.yaml on the VM and the local file</source>
        <translation>Unterschiede zwischen pool.yaml auf der VM und der lokalen Datei</translation>
    </message>
    <message>
        <source>Hide differences</source>
        <translation>Unterschiede ausblenden</translation>
    </message>
    <message>
        <source>The runner and the delegate are running and healthy.</source>
        <translation>Runner und Delegate laufen und sind gesund.</translation>
    </message>
</context>
<context>
    <name>gs::MemorySecretStore</name>
    <message>
        <source>No keychain is available (test store switched off).</source>
        <translation>Kein Schlüsselbund verfügbar (Test-Speicher ausgeschaltet).</translation>
    </message>
    <message>
        <source>the in-memory test store</source>
        <translation>der Test-Speicher im Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>gs::PoolEditorWidget</name>
    <message>
        <source>Apply fix</source>
        <translation>Korrektur anwenden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Continue despite errors</source>
        <translation>Trotz Fehlern fortfahren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Pool / limit</source>
        <translation>Pool / Limit</translation>
    </message>
    <message>
        <source>Machine type</source>
        <translation>Maschinentyp</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zonen</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Apply the automatic fix of the selected problem</source>
        <translation>Die automatische Korrektur des ausgewählten Problems anwenden</translation>
    </message>
    <message>
        <source>The runner will probably refuse this file; go on anyway.</source>
        <translation>Der Runner wird diese Datei wahrscheinlich ablehnen; trotzdem fortfahren.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a pool file.</source>
        <translation>%1 ist zu groß für eine Pool-Datei.</translation>
    </message>
    <message>
        <source>%1 is a binary file, not a pool file.</source>
        <translation>%1 ist eine Binärdatei, keine Pool-Datei.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text. Save it as UTF-8 and open it again.</source>
        <translation>%1 ist kein UTF-8-Text. Speichern Sie sie als UTF-8 und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <source>No file to save to.</source>
        <translation>Keine Datei zum Speichern.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe …</translation>
    </message>
    <message numerus="yes">
        <source>No problems found. %n pool(s).</source>
        <translation>
            <numerusform>Keine Probleme gefunden. %n Pool.</numerusform>
            <numerusform>Keine Probleme gefunden. %n Pools.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
    <message>
        <source>Save, then open it</source>
        <translation>Speichern, dann öffnen</translation>
    </message>
    <message>
        <source>Discard the edits and open it</source>
        <translation>Änderungen verwerfen und öffnen</translation>
    </message>
    <message>
        <source>The text in the editor is not saved in any file. The pool file is now %1.</source>
        <translation>Der Text im Editor ist in keiner Datei gespeichert. Die Pool-Datei ist jetzt %1.</translation>
    </message>
    <message>
        <source>%1 has edits that are not saved. The pool file is now %2.</source>
        <translation>%1 hat ungespeicherte Änderungen. Die Pool-Datei ist jetzt %2.</translation>
    </message>
    <message>
        <source>pool.yaml text</source>
        <translation>Text der pool.yaml</translation>
    </message>
    <message>
        <source>Problems in pool.yaml</source>
        <translation>Probleme in der pool.yaml</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Pools in pool.yaml</source>
        <translation>Pools in der pool.yaml</translation>
    </message>
    <message>
        <source>No pools: the file names no instance the runner could use.</source>
        <translation>Keine Pools: Die Datei nennt keine Instanz, die der Runner verwenden könnte.</translation>
    </message>
    <message>
        <source>Fix available: %1. Select this line, then press &quot;Fix&quot; above.</source>
        <translation>Korrektur verfügbar: %1. Wählen Sie diese Zeile aus und klicken Sie oben auf „Korrektur“.</translation>
    </message>
    <message>
        <source>%1, %2, %3. %4.</source>
        <comment>errors, warnings, notes. pools.</comment>
        <translation>%1, %2, %3. %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pool(s)</source>
        <translation>
            <numerusform>%n Pool</numerusform>
            <numerusform>%n Pools</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::PrerequisitesPage</name>
    <message>
        <source>Prerequisites</source>
        <translation>Voraussetzungen</translation>
    </message>
    <message>
        <source>This is the third step of self-hosted Gitspaces: the Terraform module has created the runner VM and generated pool.yaml. Check that you are ready.</source>
        <translation>Dies ist der dritte Schritt für selbst gehostete Gitspaces: Das Terraform-Modul hat die Runner-VM angelegt und pool.yaml erzeugt. Prüfen Sie, ob Sie bereit sind.</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Bevor Sie beginnen</translation>
    </message>
    <message>
        <source>I have read the Fundamentals and Prerequisites of self-hosted Gitspaces</source>
        <translation>Ich habe die Grundlagen und Voraussetzungen für selbst gehostete Gitspaces gelesen</translation>
    </message>
    <message>
        <source>The Harness Gitspaces Terraform module is applied and generated pool.yaml</source>
        <translation>Das Harness-Gitspaces-Terraform-Modul ist angewendet und hat pool.yaml erzeugt</translation>
    </message>
    <message>
        <source>The GCP VM instance it created is active and running</source>
        <translation>Die GCP-VM-Instanz, die es angelegt hat, ist aktiv und läuft</translation>
    </message>
    <message>
        <source>Pool file from Terraform</source>
        <translation>Pool-Datei von Terraform</translation>
    </message>
    <message>
        <source>pool.yaml *</source>
        <translation>pool.yaml *</translation>
    </message>
    <message>
        <source>Path to the pool.yaml Terraform generated</source>
        <translation>Pfad zur pool.yaml, die Terraform erzeugt hat</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>SSH key:</source>
        <translation>SSH-Schlüssel:</translation>
    </message>
    <message>
        <source>ssh-agent:</source>
        <translation>ssh-agent:</translation>
    </message>
    <message>
        <source>gcloud:</source>
        <translation>gcloud:</translation>
    </message>
    <message>
        <source>Hosts in ~/.ssh/config:</source>
        <translation>Hosts in ~/.ssh/config:</translation>
    </message>
    <message>
        <source>Pick the pool.yaml here or on the VM Runner page.</source>
        <translation>Wählen Sie die pool.yaml hier oder auf der Seite VM-Runner.</translation>
    </message>
    <message>
        <source>%1 does not exist. Pick the pool.yaml the Terraform module generated.</source>
        <translation>%1 existiert nicht. Wählen Sie die pool.yaml, die das Terraform-Modul erzeugt hat.</translation>
    </message>
    <message>
        <source>Open pool.yaml</source>
        <translation>pool.yaml öffnen</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No key in ~/.ssh. gcloud creates ~/.ssh/google_compute_engine on its first run; or create one with ssh-keygen -t ed25519.</source>
        <translation>Kein Schlüssel in ~/.ssh. gcloud legt ~/.ssh/google_compute_engine beim ersten Aufruf an; oder erzeugen Sie einen mit ssh-keygen -t ed25519.</translation>
    </message>
    <message>
        <source>No agent (SSH_AUTH_SOCK is not set). Keys with a passphrase will ask for it.</source>
        <translation>Kein Agent (SSH_AUTH_SOCK ist nicht gesetzt). Schlüssel mit Passphrase fragen danach.</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>Läuft unter %1</translation>
    </message>
    <message>
        <source>Not on PATH. Needed only to reach the VM through IAP; or connect with plain ssh.</source>
        <translation>Nicht im PATH. Nur nötig, um die VM über IAP zu erreichen; oder verbinden Sie sich mit einfachem ssh.</translation>
    </message>
    <message>
        <source>Guides:</source>
        <translation>Anleitungen:</translation>
    </message>
    <message>
        <source>Fundamentals</source>
        <translation>Grundlagen</translation>
    </message>
    <message>
        <source>Terraform module</source>
        <translation>Terraform-Modul</translation>
    </message>
    <message>
        <source>VM instances in the Cloud Console</source>
        <translation>VM-Instanzen in der Cloud Console</translation>
    </message>
    <message>
        <source>Resuming an earlier setup?</source>
        <translation>Eine frühere Einrichtung fortsetzen?</translation>
    </message>
    <message>
        <source>Open saved answers…</source>
        <translation>Gespeicherte Antworten öffnen …</translation>
    </message>
    <message>
        <source>A file saved with &quot;Save answers…&quot; on the Summary page, or a config file of the command line</source>
        <translation>Eine mit „Antworten speichern …“ auf der Seite Zusammenfassung gespeicherte Datei oder eine Konfigurationsdatei der Kommandozeile</translation>
    </message>
    <message>
        <source>Open answers</source>
        <translation>Antworten öffnen</translation>
    </message>
    <message>
        <source>Setup answers (*.yaml *.yml);;All files (*)</source>
        <translation>Einrichtungsantworten (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Opened %1: every page now shows its answers.</source>
        <translation>%1 geöffnet: Jede Seite zeigt jetzt ihre Antworten.</translation>
    </message>
    <message>
        <source>&amp;Continue where you left off</source>
        <translation>&amp;Fortsetzen, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Your last session&apos;s answers are back on every page. Enter the token again on the Delegate page.</source>
        <translation>Die Antworten Ihrer letzten Sitzung stehen wieder auf jeder Seite. Geben Sie das Token auf der Seite Delegate erneut ein.</translation>
    </message>
    <message>
        <source>Answers from your last session (%1) were kept. The token is not among them.</source>
        <translation>Die Antworten Ihrer letzten Sitzung (%1) wurden aufbewahrt. Das Token ist nicht darunter.</translation>
    </message>
    <message>
        <source>Hosts in ~/.ssh/config</source>
        <translation>Hosts in ~/.ssh/config</translation>
    </message>
    <message>
        <source>No Host entries in ~/.ssh/config.</source>
        <translation>Keine Host-Einträge in ~/.ssh/config.</translation>
    </message>
    <message>
        <source>Open the answers the VM was set up with (or pick its pool.yaml), then connect to it to see how it is doing and look after it.</source>
        <translation>Öffnen Sie die Antworten, mit denen die VM eingerichtet wurde (oder wählen Sie ihre pool.yaml), und verbinden Sie sich dann mit ihr, um zu sehen, wie es ihr geht, und sie zu pflegen.</translation>
    </message>
    <message>
        <source>Set up a VM</source>
        <translation>Eine VM einrichten</translation>
    </message>
    <message>
        <source>Manage a VM that is already set up</source>
        <translation>Eine bereits eingerichtete VM verwalten</translation>
    </message>
    <message>
        <source>Connect to the VM, see how the runner and the delegate are doing, and restart, upgrade, edit pool.yaml or uninstall.</source>
        <translation>Mit der VM verbinden, sehen, wie es Runner und Delegate geht, und neu starten, aktualisieren, pool.yaml bearbeiten oder deinstallieren.</translation>
    </message>
</context>
<context>
    <name>gs::Privileges</name>
    <message>
        <source>No command needs sudo.</source>
        <translation>Kein Befehl braucht sudo.</translation>
    </message>
    <message>
        <source>Docker and the runner directory with sudo.</source>
        <translation>Docker und das Runner-Verzeichnis mit sudo.</translation>
    </message>
    <message>
        <source>Docker with sudo; the runner directory without.</source>
        <translation>Docker mit sudo, das Runner-Verzeichnis ohne.</translation>
    </message>
    <message>
        <source>Docker without sudo (docker group); the runner directory with sudo.</source>
        <translation>Docker ohne sudo (Gruppe docker), das Runner-Verzeichnis mit sudo.</translation>
    </message>
    <message>
        <source>Docker and the runner directory without sudo.</source>
        <translation>Docker und das Runner-Verzeichnis ohne sudo.</translation>
    </message>
</context>
<context>
    <name>gs::Reader</name>
    <message>
        <source>This is not a docker run command. In Harness, copy the command under Account Settings → Delegates → New Delegate → Docker.</source>
        <translation>Das ist kein Befehl docker run. Kopieren Sie in Harness den Befehl unter Account Settings → Delegates → New Delegate → Docker.</translation>
    </message>
    <message>
        <source>Paste the docker run command from Harness here.</source>
        <translation>Fügen Sie hier den Befehl docker run aus Harness ein.</translation>
    </message>
    <message>
        <source>A second image, or a command after the image %1: the delegate runs one image with no command. If this is the value of an option, join them with &quot;=&quot;.</source>
        <translation>Ein zweites Image oder ein Befehl nach dem Image %1: Der Delegate führt ein Image ohne Befehl aus. Wenn das der Wert einer Option ist, verbinden Sie beide mit „=“.</translation>
    </message>
    <message>
        <source>The command names no image; it ends before the delegate image.</source>
        <translation>Der Befehl nennt kein Image; er endet vor dem Delegate-Image.</translation>
    </message>
    <message>
        <source>The command has no ACCOUNT_ID. If it is in the --env-file, which is not read here, add -e ACCOUNT_ID=… to the command.</source>
        <translation>Der Befehl hat kein ACCOUNT_ID. Falls es in der --env-file steht, die hier nicht gelesen wird, fügen Sie dem Befehl -e ACCOUNT_ID=… hinzu.</translation>
    </message>
    <message>
        <source>The command has no ACCOUNT_ID; copy the whole command from Harness.</source>
        <translation>Der Befehl hat kein ACCOUNT_ID; kopieren Sie den ganzen Befehl aus Harness.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value.</source>
        <translation>„%1“ braucht einen Wert.</translation>
    </message>
    <message>
        <source>docker run has no option &quot;-%1&quot;.</source>
        <translation>docker run hat keine Option „-%1“.</translation>
    </message>
    <message>
        <source>--env-file %1: the file is on the machine the command was meant for and is not read here; put what the delegate needs from it into the fields.</source>
        <translation>--env-file %1: Die Datei liegt auf dem Rechner, für den der Befehl gedacht war, und wird hier nicht gelesen; tragen Sie, was der Delegate daraus braucht, in die Felder ein.</translation>
    </message>
    <message>
        <source>&quot;-e %1&quot; takes the value from the shell that runs docker; paste the command with -e %1=… instead.</source>
        <translation>„-e %1“ übernimmt den Wert aus der Shell, die docker ausführt; fügen Sie den Befehl stattdessen mit -e %1=… ein.</translation>
    </message>
    <message>
        <source>ACCOUNT_ID is empty; copy the command again from Harness.</source>
        <translation>ACCOUNT_ID ist leer; kopieren Sie den Befehl erneut aus Harness.</translation>
    </message>
    <message>
        <source>%1 makes this an organization or project delegate; Gitspaces work only with account-level delegates, so it is left out. Use a token from Account Settings.</source>
        <translation>%1 macht daraus einen Delegate auf Organisations- oder Projektebene; Gitspaces funktionieren nur mit Delegates auf Kontoebene, daher wird es weggelassen. Verwenden Sie ein Token aus Account Settings.</translation>
    </message>
    <message>
        <source>--network %1, so the delegate reaches the runner by name</source>
        <translation>--network %1, damit der Delegate den Runner über dessen Namen erreicht</translation>
    </message>
    <message>
        <source>--network %1 is replaced by %2, the runner&apos;s network.</source>
        <translation>--network %1 wird durch %2 ersetzt, das Netzwerk des Runners.</translation>
    </message>
    <message>
        <source>RUNNER_URL=%1, where the delegate finds the runner</source>
        <translation>RUNNER_URL=%1, unter der der Delegate den Runner findet</translation>
    </message>
    <message>
        <source>RUNNER_URL %1 is replaced by %2, the runner this setup starts.</source>
        <translation>RUNNER_URL %1 wird durch %2 ersetzt, den Runner, den diese Einrichtung startet.</translation>
    </message>
    <message>
        <source>--name %1 (the container is named after the delegate), --restart unless-stopped and our label</source>
        <translation>--name %1 (der Container heißt wie der Delegate), --restart unless-stopped und unser Label</translation>
    </message>
    <message>
        <source>--name with the delegate name, --restart unless-stopped and our label</source>
        <translation>--name mit dem Delegate-Namen, --restart unless-stopped und unser Label</translation>
    </message>
    <message>
        <source>The container is named %1 (the delegate name), not %2.</source>
        <translation>Der Container heißt %1 (der Delegate-Name), nicht %2.</translation>
    </message>
    <message>
        <source>DEPLOY_MODE %1 is replaced by KUBERNETES_ONPREM, as the Gitspaces documentation has it.</source>
        <translation>DEPLOY_MODE %1 wird durch KUBERNETES_ONPREM ersetzt, wie in der Gitspaces-Dokumentation angegeben.</translation>
    </message>
    <message>
        <source>NEXT_GEN %1 is replaced by true: Gitspaces need a NextGen delegate.</source>
        <translation>NEXT_GEN %1 wird durch true ersetzt: Gitspaces brauchen einen NextGen-Delegate.</translation>
    </message>
    <message>
        <source>DELEGATE_TYPE %1 is replaced by DOCKER.</source>
        <translation>DELEGATE_TYPE %1 wird durch DOCKER ersetzt.</translation>
    </message>
    <message>
        <source>The token came from ACCOUNT_SECRET, the old name of DELEGATE_TOKEN.</source>
        <translation>Das Token stammt aus ACCOUNT_SECRET, dem alten Namen von DELEGATE_TOKEN.</translation>
    </message>
    <message>
        <source>The command has no DELEGATE_TOKEN: enter the token yourself.</source>
        <translation>Der Befehl hat kein DELEGATE_TOKEN: Geben Sie das Token selbst ein.</translation>
    </message>
    <message>
        <source>The command has no DELEGATE_NAME: the name stays as it was.</source>
        <translation>Der Befehl hat kein DELEGATE_NAME: Der Name bleibt unverändert.</translation>
    </message>
    <message>
        <source>The command has no MANAGER_HOST_AND_PORT: the manager URL stays as it was.</source>
        <translation>Der Befehl hat kein MANAGER_HOST_AND_PORT: Die Manager-URL bleibt unverändert.</translation>
    </message>
    <message>
        <source>Manager %1, where the documentation shows %2.</source>
        <translation>Manager %1, die Dokumentation nennt %2.</translation>
    </message>
    <message>
        <source>Image %1, where the Gitspaces documentation shows %2.</source>
        <translation>Image %1, die Gitspaces-Dokumentation nennt %2.</translation>
    </message>
    <message>
        <source>--cpus %1, where the documentation shows %2.</source>
        <translation>--cpus %1, die Dokumentation nennt %2.</translation>
    </message>
    <message>
        <source>--memory %1, where the documentation shows %2.</source>
        <translation>--memory %1, die Dokumentation nennt %2.</translation>
    </message>
</context>
<context>
    <name>gs::RunController</name>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Connect on the SSH page to run this step from here; the commands above can also be copied and run by hand.</source>
        <translation>Verbinden Sie sich auf der SSH-Seite, um diesen Schritt von hier auszuführen; die Befehle oben können Sie auch kopieren und von Hand ausführen.</translation>
    </message>
    <message>
        <source>This file is too large to be a pool file.</source>
        <translation>Diese Datei ist zu groß für eine Pool-Datei.</translation>
    </message>
    <message numerus="yes">
        <source>✓ No problems found (%n pool(s)).</source>
        <translation>
            <numerusform>✓ Keine Probleme gefunden (%n Pool).</numerusform>
            <numerusform>✓ Keine Probleme gefunden (%n Pools).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>First error at line %1, column %2: %3</source>
        <translation>Erster Fehler in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The VM Runner page shows the file with every finding.</source>
        <translation>Die Seite VM-Runner zeigt die Datei mit jedem Befund.</translation>
    </message>
    <message>
        <source>Transcript of what ran (secrets masked):</source>
        <translation>Protokoll dessen, was lief (Geheimnisse maskiert):</translation>
    </message>
    <message>
        <source>Save transcript…</source>
        <translation>Protokoll speichern …</translation>
    </message>
    <message>
        <source>Save transcript</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Connect on the SSH page to uninstall from here.</source>
        <translation>Verbinden Sie sich auf der SSH-Seite, um von hier zu deinstallieren.</translation>
    </message>
    <message>
        <source>Uninstall for me</source>
        <translation>Für mich deinstallieren</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Nothing was run from this window yet.</source>
        <translation>In diesem Fenster wurde noch nichts ausgeführt.</translation>
    </message>
    <message>
        <source>Uninstall: these commands remove the delegate and the runner containers this setup made or adopted, and nothing else; each one checks that first.</source>
        <translation>Deinstallation: Diese Befehle entfernen den Delegate- und den Runner-Container, die diese Einrichtung angelegt oder übernommen hat, und sonst nichts; jeder Befehl prüft das vorher.</translation>
    </message>
    <message>
        <source>Also remove the harness network (kept while another container uses it)</source>
        <translation>Auch das Netzwerk harness entfernen (bleibt, solange ein anderer Container es nutzt)</translation>
    </message>
    <message>
        <source>Also remove the files the setup wrote (pool.yaml, the key) and the runner directory, when nothing else is in it</source>
        <translation>Auch pool.yaml, den Schlüssel und das Runner-Verzeichnis entfernen (wenn sonst nichts darin liegt)</translation>
    </message>
    <message>
        <source>Uninstall from the VM?</source>
        <translation>Von der VM deinstallieren?</translation>
    </message>
    <message>
        <source>Uninstall runs exactly these commands on %1, and nothing else:</source>
        <translation>Die Deinstallation führt auf %1 genau diese Befehle aus und sonst nichts:</translation>
    </message>
    <message>
        <source>the VM</source>
        <translation>der VM</translation>
    </message>
    <message>
        <source>&amp;Uninstall</source>
        <translation>&amp;Deinstallieren</translation>
    </message>
    <message>
        <source>%1. Nothing was run: the pool file on disk is not what the editor shows. Your edits are still in the editor; fix the cause and run again.</source>
        <translation>%1. Es wurde nichts ausgeführt: Die Pool-Datei auf der Festplatte entspricht nicht dem, was der Editor zeigt. Ihre Änderungen sind noch im Editor; beheben Sie die Ursache und starten Sie erneut.</translation>
    </message>
    <message>
        <source>The Harness API key could not be read from %1: %2</source>
        <translation>Der Harness-API-Schlüssel konnte nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>The Harness API key was not saved in %1: %2 It is kept in memory until the wizard closes.</source>
        <translation>Der Harness-API-Schlüssel wurde nicht in %1 gespeichert: %2 Er bleibt im Speicher, bis der Assistent geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>gs::RunPanel</name>
    <message>
        <source>Run for me</source>
        <translation>Für mich ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>What runs on the VM, and what it answers, shows here.</source>
        <translation>Was auf der VM läuft und was es antwortet, erscheint hier.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab …</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde neu …</translation>
    </message>
    <message>
        <source>Reconnecting failed: %1</source>
        <translation>Neu verbinden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>Fertig in %1 s.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Already there: %1</source>
        <translation>Bereits vorhanden: %1</translation>
    </message>
    <message>
        <source>%1 — waiting for %2 (up to %3 s)</source>
        <translation>%1 – warte auf %2 (bis zu %3 s)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; runs:</source>
        <translation>„%1“ führt aus:</translation>
    </message>
    <message>
        <source>Checked: %1</source>
        <translation>Geprüft: %1</translation>
    </message>
</context>
<context>
    <name>gs::RunnerPage</name>
    <message>
        <source>Start the VM Runner</source>
        <translation>VM-Runner starten</translation>
    </message>
    <message>
        <source>The runner (drone/drone-runner-aws) creates the Gitspace VMs described in pool.yaml. It listens on port 3000 of the harness network as vm-runner.</source>
        <translation>Der Runner (drone/drone-runner-aws) legt die Gitspace-VMs an, die in pool.yaml beschrieben sind. Er lauscht im Netzwerk harness als vm-runner auf Port 3000.</translation>
    </message>
    <message>
        <source>pool.yaml *:</source>
        <translation>pool.yaml *:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Open pool.yaml</source>
        <translation>pool.yaml öffnen</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml);;All files (*)</source>
        <translation>YAML-Dateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Service-account key:</source>
        <translation>Dienstkonto-Schlüssel:</translation>
    </message>
    <message>
        <source>Service-account key</source>
        <translation>Dienstkonto-Schlüssel</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Optional: uploaded next to pool.yaml</source>
        <translation>Optional: wird neben pool.yaml hochgeladen</translation>
    </message>
    <message>
        <source>Runner directory *:</source>
        <translation>Runner-Verzeichnis *:</translation>
    </message>
    <message>
        <source>Runner image *:</source>
        <translation>Runner-Image *:</translation>
    </message>
    <message>
        <source>Pick the pool.yaml the Terraform module generated.</source>
        <translation>Wählen Sie die pool.yaml, die das Terraform-Modul erzeugt hat.</translation>
    </message>
    <message>
        <source>%1 does not exist. Pick the pool.yaml the Terraform module generated.</source>
        <translation>%1 existiert nicht. Wählen Sie die pool.yaml, die das Terraform-Modul erzeugt hat.</translation>
    </message>
    <message>
        <source>%1 does not exist. Pick the key file, or leave the field empty if pool.yaml needs none.</source>
        <translation>%1 existiert nicht. Wählen Sie die Schlüsseldatei, oder lassen Sie das Feld leer, wenn pool.yaml keine braucht.</translation>
    </message>
    <message>
        <source>Fill in this page first.</source>
        <translation>Füllen Sie zuerst diese Seite aus.</translation>
    </message>
    <message>
        <source>pool.yaml</source>
        <translation>pool.yaml</translation>
    </message>
    <message>
        <source>Runner directory</source>
        <translation>Runner-Verzeichnis</translation>
    </message>
    <message>
        <source>Runner image</source>
        <translation>Runner-Image</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>pool.yaml has errors, or edits that are not saved: fix or save them in the editor above, or tick &quot;Continue despite errors&quot;.</source>
        <translation>pool.yaml hat Fehler oder ungespeicherte Änderungen: Beheben bzw. speichern Sie diese im Editor oben, oder setzen Sie das Häkchen bei „Trotz Fehlern fortfahren“.</translation>
    </message>
</context>
<context>
    <name>gs::SecretsKeeper</name>
    <message>
        <source>Talking to %1…</source>
        <translation>Spreche mit %1 …</translation>
    </message>
    <message>
        <source>Loaded from %1.</source>
        <translation>Aus %1 geladen.</translation>
    </message>
    <message>
        <source>Nothing remembered in %1 yet.</source>
        <translation>In %1 ist noch nichts gespeichert.</translation>
    </message>
    <message>
        <source>Saved in %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Forgotten: %1 no longer holds the token or the account id.</source>
        <translation>Vergessen: %1 enthält weder das Token noch die Konto-ID.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer (no Secret Service or KWallet answered), so nothing can be remembered. The token stays in memory until the wizard closes.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar (weder Secret Service noch KWallet hat geantwortet), daher kann nichts gemerkt werden. Das Token bleibt im Speicher, bis der Assistent geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>gs::SelectorPage</name>
    <message>
        <source>Delegate Selector</source>
        <translation>Delegate-Selektor</translation>
    </message>
    <message>
        <source>In Harness, open your Gitspace infrastructure (or edit it) and enter the delegate name, or one of its tags, in the Delegate Selector field.</source>
        <translation>Öffnen Sie in Harness Ihre Gitspace-Infrastruktur (oder bearbeiten Sie sie) und tragen Sie den Delegate-Namen oder eines seiner Tags im Feld Delegate Selector ein.</translation>
    </message>
    <message>
        <source>Delegate name:</source>
        <translation>Delegate-Name:</translation>
    </message>
    <message>
        <source>Delegate tags:</source>
        <translation>Delegate-Tags:</translation>
    </message>
    <message>
        <source>Delegate name</source>
        <translation>Delegate-Name</translation>
    </message>
    <message>
        <source>Delegate tags</source>
        <translation>Delegate-Tags</translation>
    </message>
    <message>
        <source>How delegate selectors and tags work</source>
        <translation>Wie Delegate-Selektoren und Tags funktionieren</translation>
    </message>
</context>
<context>
    <name>gs::SetupPage</name>
    <message>
        <source>Complete this page first: the fields above say what is missing.</source>
        <translation>Vervollständigen Sie zuerst diese Seite: Die Felder oben zeigen, was fehlt.</translation>
    </message>
</context>
<context>
    <name>gs::SetupWizard</name>
    <message>
        <source>Gitspaces Host Setup</source>
        <translation>Gitspaces-Host-Einrichtung</translation>
    </message>
    <message>
        <source>Answers not saved</source>
        <translation>Antworten nicht gespeichert</translation>
    </message>
    <message>
        <source>Your answers are not saved in a file.</source>
        <translation>Ihre Antworten sind in keiner Datei gespeichert.</translation>
    </message>
    <message>
        <source>Save them to open them again later (the token is never saved), discard them, or go back to the wizard.</source>
        <translation>Speichern Sie sie, um sie später wieder zu öffnen (das Token wird nie gespeichert), verwerfen Sie sie, oder kehren Sie zum Assistenten zurück.</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>Antworten speichern</translation>
    </message>
    <message>
        <source>Setup answers (*.yaml *.yml);;All files (*)</source>
        <translation>Einrichtungsantworten (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>gs::StepList</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>done, with warnings</source>
        <translation>erledigt, mit Warnungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft …</translation>
    </message>
    <message>
        <source> (current step)</source>
        <translation> (aktueller Schritt)</translation>
    </message>
</context>
<context>
    <name>gs::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Everything the setup does on the VM, step by step. Export it as one script or as an Ansible playbook for many VMs, or save your answers to open them again later.</source>
        <translation>Alles, was die Einrichtung auf der VM tut, Schritt für Schritt. Exportieren Sie es als ein Skript oder als Ansible-Playbook für viele VMs, oder speichern Sie Ihre Antworten, um sie später wieder zu öffnen.</translation>
    </message>
    <message>
        <source>Export script…</source>
        <translation>Skript exportieren …</translation>
    </message>
    <message>
        <source>The whole run as one commented shell script; it asks for the token at a hidden prompt</source>
        <translation>Der ganze Ablauf als ein kommentiertes Shell-Skript; es fragt das Token verdeckt ab</translation>
    </message>
    <message>
        <source>Save answers…</source>
        <translation>Antworten speichern …</translation>
    </message>
    <message>
        <source>Everything but the token and the account id, which stay in the keychain</source>
        <translation>Alles außer Token und Konto-ID, die im Schlüsselbund bleiben</translation>
    </message>
    <message>
        <source>Open answers…</source>
        <translation>Antworten öffnen …</translation>
    </message>
    <message>
        <source>Setup answers (*.yaml *.yml);;All files (*)</source>
        <translation>Einrichtungsantworten (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export script</source>
        <translation>Skript exportieren</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh);;All files (*)</source>
        <translation>Shell-Skripte (*.sh);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>Antworten speichern</translation>
    </message>
    <message>
        <source>Open answers</source>
        <translation>Antworten öffnen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved to %1. The token and the account id are not in the file; they go to the keychain.</source>
        <translation>In %1 gespeichert. Token und Konto-ID stehen nicht in der Datei; sie kommen in den Schlüsselbund.</translation>
    </message>
    <message>
        <source>Saved to %1. The token and the account id are not in the file.</source>
        <translation>In %1 gespeichert. Token und Konto-ID stehen nicht in der Datei.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>Delegate Selector</source>
        <translation>Delegate-Selektor</translation>
    </message>
    <message>
        <source># Enter in the Gitspace infrastructure UI: %1</source>
        <translation># In der Gitspace-Infrastruktur-Oberfläche eintragen: %1</translation>
    </message>
    <message>
        <source># or one of the tags: %1</source>
        <translation># oder eines der Tags: %1</translation>
    </message>
    <message>
        <source>Exported to %1. Copy it to the VM and run it there with bash (its first lines say how); it asks for the delegate token when it needs it.</source>
        <translation>Nach %1 exportiert. Kopieren Sie es auf die VM und führen Sie es dort mit bash aus (die ersten Zeilen erklären, wie); es fragt das Delegate-Token ab, sobald es gebraucht wird.</translation>
    </message>
    <message>
        <source>Summary of the setup</source>
        <translation>Zusammenfassung der Einrichtung</translation>
    </message>
    <message>
        <source>Export for Ansible…</source>
        <translation>Für Ansible exportieren …</translation>
    </message>
    <message>
        <source>An inventory, a playbook with the same steps and a README in a folder, for setting up many VMs with Ansible; the token is not written</source>
        <translation>Ein Inventory, ein Playbook mit denselben Schritten und eine README in einem Ordner, um viele VMs mit Ansible einzurichten; das Token wird nicht geschrieben</translation>
    </message>
    <message>
        <source>Export for Ansible</source>
        <translation>Für Ansible exportieren</translation>
    </message>
    <message>
        <source>Exported to %1. Its README.md says how to run the playbook and how it gets the delegate token, which is not in the folder.</source>
        <translation>Nach %1 exportiert. Die README.md darin erklärt, wie Sie das Playbook ausführen und wie es das Delegate-Token erhält, das nicht im Ordner liegt.</translation>
    </message>
</context>
<context>
    <name>gs::TerraformFolderBox</name>
    <message>
        <source>From the Terraform folder</source>
        <translation>Aus dem Terraform-Ordner</translation>
    </message>
    <message>
        <source>Pick the folder you ran terraform apply in: its pool.yaml, the service-account key and the runner VM fill the next pages.</source>
        <translation>Wählen Sie den Ordner, in dem Sie terraform apply ausgeführt haben: Dessen pool.yaml, der Dienstkonto-Schlüssel und die Runner-VM füllen die nächsten Seiten aus.</translation>
    </message>
    <message>
        <source>Open the &amp;Terraform folder…</source>
        <translation>&amp;Terraform-Ordner öffnen …</translation>
    </message>
    <message>
        <source>Runner &amp;VM:</source>
        <translation>Runner-&amp;VM:</translation>
    </message>
    <message>
        <source>Open the Terraform folder</source>
        <translation>Terraform-Ordner öffnen</translation>
    </message>
    <message>
        <source>Reading the Terraform folder…</source>
        <translation>Lese den Terraform-Ordner …</translation>
    </message>
    <message>
        <source>Wrote the instance_yaml output to %1.</source>
        <translation>Ausgabe instance_yaml nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 (zone %2, project %3)</source>
        <translation>%1 (Zone %2, Projekt %3)</translation>
    </message>
    <message>
        <source>The state has %1 runner VMs, one per region: choose the one to set up.</source>
        <translation>Der State enthält %1 Runner-VMs, eine pro Region: Wählen Sie die einzurichtende aus.</translation>
    </message>
    <message>
        <source>The Connect page now reaches %1 through IAP as %2; the VM Runner page has the pool file and the key.</source>
        <translation>Die Verbindungsseite erreicht %1 jetzt über IAP als %2; auf der Seite VM-Runner stehen die Pool-Datei und der Schlüssel.</translation>
    </message>
    <message>
        <source>The Connect page now reaches %1 through IAP; the VM Runner page has the pool file and the key.</source>
        <translation>Die Verbindungsseite erreicht %1 jetzt über IAP; auf der Seite VM-Runner stehen die Pool-Datei und der Schlüssel.</translation>
    </message>
    <message>
        <source>The pool file and the key are filled in; the connection is not: enter it on the Connect page.</source>
        <translation>Pool-Datei und Schlüssel sind eingetragen, die Verbindung nicht: Geben Sie sie auf der Verbindungsseite ein.</translation>
    </message>
</context>
<context>
    <name>gs::cli</name>
    <message>
        <source>Run the whole setup on the VM over SSH.</source>
        <translation>Die ganze Einrichtung über SSH auf der VM ausführen.</translation>
    </message>
    <message>
        <source>Connect and run the preflight checks only.</source>
        <translation>Nur verbinden und die Vorabprüfungen ausführen.</translation>
    </message>
    <message>
        <source>The setup config file.</source>
        <translation>Die Einrichtungskonfigurationsdatei.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Accept exactly this host key (SHA256:…).</source>
        <translation>Genau diesen Host-Schlüssel akzeptieren (SHA256:…).</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>Skip the outbound HTTPS check from the VM.</source>
        <translation>Die ausgehende HTTPS-Prüfung von der VM aus überspringen.</translation>
    </message>
    <message>
        <source>Read the sudo password from standard input (after the token with --token-stdin).</source>
        <translation>Das sudo-Passwort von der Standardeingabe lesen (nach dem Token bei --token-stdin).</translation>
    </message>
    <message>
        <source>Write the transcript (secrets masked) to FILE.</source>
        <translation>Das Protokoll (Geheimnisse maskiert) in DATEI schreiben.</translation>
    </message>
    <message>
        <source>Consent to installing Docker when it is missing.</source>
        <translation>Zustimmung, Docker zu installieren, wenn es fehlt.</translation>
    </message>
    <message>
        <source>Read the delegate token from standard input.</source>
        <translation>Das Delegate-Token von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Replace an existing runner or delegate container.</source>
        <translation>Einen vorhandenen Runner- oder Delegate-Container ersetzen.</translation>
    </message>
    <message>
        <source>Keep an existing runner or delegate container.</source>
        <translation>Einen vorhandenen Runner- oder Delegate-Container behalten.</translation>
    </message>
    <message>
        <source>Upload a pool file even if it has errors.</source>
        <translation>Eine Pool-Datei auch dann hochladen, wenn sie Fehler hat.</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup %1 --config FILE</source>
        <translation>Aufruf: gitspaces-setup %1 --config DATEI</translation>
    </message>
    <message>
        <source>--replace and --keep exclude each other.</source>
        <translation>--replace und --keep schließen einander aus.</translation>
    </message>
    <message>
        <source>Read a Harness API key from standard input (after the token and the sudo password) to check the image tag and, at the end, that the delegate is connected.</source>
        <translation>Einen Harness-API-Schlüssel von der Standardeingabe lesen (nach dem Token und dem sudo-Passwort), um den Image-Tag und am Ende die Verbindung des Delegates zu prüfen.</translation>
    </message>
    <message>
        <source>How long to wait for Harness to list the delegate as connected (default 180).</source>
        <translation>Wie lange darauf gewartet wird, dass Harness den Delegate als verbunden führt (Standard 180).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>--harness-timeout takes a number of seconds.</source>
        <translation>--harness-timeout erwartet eine Anzahl Sekunden.</translation>
    </message>
    <message>
        <source>Remove what the setup made from the VM: the containers it labelled or adopted, and on request the network and the files it wrote.</source>
        <translation>Von der VM entfernen, was die Einrichtung angelegt hat: die Container, die sie mit ihrem Label versehen oder übernommen hat, und auf Wunsch das Netzwerk und die Dateien, die sie geschrieben hat.</translation>
    </message>
    <message>
        <source>Remove without asking.</source>
        <translation>Ohne Rückfrage entfernen.</translation>
    </message>
    <message>
        <source>Also remove the harness network, when no other container is attached to it.</source>
        <translation>Auch das Netzwerk harness entfernen, wenn kein anderer Container damit verbunden ist.</translation>
    </message>
    <message>
        <source>Also remove the files the setup wrote into the runner directory, and the directory when nothing else is in it.</source>
        <translation>Auch die Dateien entfernen, die die Einrichtung in das Runner-Verzeichnis geschrieben hat, und das Verzeichnis selbst, wenn sonst nichts darin liegt.</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup uninstall --config FILE [--remove-network] [--remove-directory] [--yes]</source>
        <translation>Aufruf: gitspaces-setup uninstall --config DATEI [--remove-network] [--remove-directory] [--yes]</translation>
    </message>
    <message>
        <source>Paste the docker run command from Harness, then press Ctrl-D on a line of its own:</source>
        <translation>Fügen Sie den Befehl docker run aus Harness ein und drücken Sie dann in einer eigenen Zeile Strg-D:</translation>
    </message>
    <message>
        <source>Read the delegate install command from standard input (Harness: Account Settings → Delegates → New Delegate → Docker, or the Gitspaces docs&apos; command) and put its values into the setup config: creates FILE, or updates its delegate section and keeps the rest. The token goes to the keychain when there is one, never into FILE or the output.</source>
        <translation>Den Delegate-Installationsbefehl von der Standardeingabe lesen (Harness: Account Settings → Delegates → New Delegate → Docker, oder den Befehl aus der Gitspaces-Dokumentation) und seine Werte in die Einrichtungskonfiguration übernehmen: legt DATEI an oder aktualisiert deren Abschnitt delegate und behält den Rest. Das Token kommt in den Schlüsselbund, sofern es einen gibt, nie in DATEI oder in die Ausgabe.</translation>
    </message>
    <message>
        <source>The setup config file to create or update.</source>
        <translation>Die anzulegende oder zu aktualisierende Einrichtungskonfigurationsdatei.</translation>
    </message>
    <message>
        <source>Do not store the token in the keychain; say how to hand it to apply instead.</source>
        <translation>Das Token nicht im Schlüsselbund speichern; stattdessen erklären, wie es an apply übergeben wird.</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup import-delegate-command --config FILE &lt; command.txt</source>
        <translation>Aufruf: gitspaces-setup import-delegate-command --config DATEI &lt; command.txt</translation>
    </message>
    <message>
        <source>gitspaces-setup import-delegate-command: cannot read standard input.</source>
        <translation>gitspaces-setup import-delegate-command: Die Standardeingabe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is unchanged.</source>
        <translation>%1 ist unverändert.</translation>
    </message>
    <message>
        <source>Updated the delegate section of %1.</source>
        <translation>Abschnitt delegate von %1 aktualisiert.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 angelegt.</translation>
    </message>
    <message>
        <source>The command has no token; apply takes it from the keychain, GITSPACES_DELEGATE_TOKEN or --token-stdin.</source>
        <translation>Der Befehl enthält kein Token; apply holt es aus dem Schlüsselbund, aus GITSPACES_DELEGATE_TOKEN oder über --token-stdin.</translation>
    </message>
    <message>
        <source>%1 already exists and differs from the instance_yaml output; move it away or write the config into another folder.</source>
        <translation>%1 existiert bereits und weicht von der Ausgabe instance_yaml ab; verschieben Sie die Datei oder schreiben Sie die Konfiguration in einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Gefunden: %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>No config written.</source>
        <translation>Keine Konfiguration geschrieben.</translation>
    </message>
    <message>
        <source>Name it with --vm NAME.</source>
        <translation>Geben Sie sie mit --vm NAME an.</translation>
    </message>
    <message>
        <source>--vm %1: the runner VMs come from terraform show -json, and terraform is not installed.</source>
        <translation>--vm %1: Die Runner-VMs stammen aus terraform show -json, und terraform ist nicht installiert.</translation>
    </message>
    <message>
        <source>Wrote the instance_yaml output to %1.</source>
        <translation>Ausgabe instance_yaml nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>The connection to the runner VM is not in it: add the VM&apos;s gcloud command (ssh: gcloud) before check or apply.</source>
        <translation>Die Verbindung zur Runner-VM fehlt darin: Ergänzen Sie vor check oder apply den gcloud-Befehl der VM (ssh: gcloud).</translation>
    </message>
    <message>
        <source>Write a setup config from the folder the Harness Gitspaces Terraform module was applied in: its pool.yaml (or the instance_yaml output), the service-account key (json_path, else service_account_key_file in terraform.tfvars) and the runner VM from terraform show -json, reached through IAP.</source>
        <translation>Eine Einrichtungskonfiguration aus dem Ordner schreiben, in dem das Harness-Gitspaces-Terraform-Modul angewendet wurde: dessen pool.yaml (oder die Ausgabe instance_yaml), der Dienstkonto-Schlüssel (json_path, sonst service_account_key_file in terraform.tfvars) und die Runner-VM aus terraform show -json, erreicht über IAP.</translation>
    </message>
    <message>
        <source>The setup config to write.</source>
        <translation>Die zu schreibende Einrichtungskonfiguration.</translation>
    </message>
    <message>
        <source>The runner VM, when the state has several (one per region).</source>
        <translation>Die Runner-VM, wenn der State mehrere enthält (eine pro Region).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The Terraform folder.</source>
        <translation>Der Terraform-Ordner.</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup init-from-terraform DIR --config FILE [--vm NAME]</source>
        <translation>Aufruf: gitspaces-setup init-from-terraform ORDNER --config DATEI [--vm NAME]</translation>
    </message>
</context>
<context>
    <name>gs::cli::EngineCommand</name>
    <message>
        <source>    (run again with --yes to install)</source>
        <translation>    (erneut mit --yes ausführen, um zu installieren)</translation>
    </message>
    <message>
        <source>    (run again with --allow-pool-errors to upload it anyway)</source>
        <translation>    (erneut mit --allow-pool-errors ausführen, um sie trotzdem hochzuladen)</translation>
    </message>
    <message>
        <source>  … waiting for %1 (%2 s of %3 s)</source>
        <translation>  … warte auf %1 (%2 s von %3 s)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Preflight checks passed.</source>
        <translation>Vorabprüfungen bestanden.</translation>
    </message>
    <message>
        <source>Transcript (secrets masked): %1</source>
        <translation>Protokoll (Geheimnisse maskiert): %1</translation>
    </message>
    <message>
        <source>Not done: the delegate runs, but Harness does not list it as connected.</source>
        <translation>Nicht erledigt: Der Delegate läuft, aber Harness führt ihn nicht als verbunden.</translation>
    </message>
    <message>
        <source>%1 (--replace):</source>
        <translation>%1 (--replace):</translation>
    </message>
    <message>
        <source>%1 (--keep):</source>
        <translation>%1 (--keep):</translation>
    </message>
    <message>
        <source>the runner and the delegate are verified.</source>
        <translation>Runner und Delegate sind geprüft.</translation>
    </message>
    <message>
        <source>the runner and the delegate are verified, and the delegate is connected in Harness.</source>
        <translation>Runner und Delegate sind geprüft, und der Delegate ist in Harness verbunden.</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message numerus="yes">
        <source>Preflight checks passed, with %n warning(s) (listed above).</source>
        <translation>
            <numerusform>Vorabprüfungen bestanden, mit %n Warnung (oben aufgeführt).</numerusform>
            <numerusform>Vorabprüfungen bestanden, mit %n Warnungen (oben aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Done, with %n unresolved warning(s) (listed above): %1</source>
        <translation>
            <numerusform>Erledigt, aber %n Warnung ist noch offen (oben aufgeführt): %1</numerusform>
            <numerusform>Erledigt, aber %n Warnungen sind noch offen (oben aufgeführt): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Uninstall plan (only what this setup made is removed):</source>
        <translation>Deinstallationsplan (entfernt wird nur, was diese Einrichtung angelegt hat):</translation>
    </message>
    <message>
        <source>No terminal to ask: run again with --yes to remove these.</source>
        <translation>Kein Terminal für eine Rückfrage: Führen Sie den Befehl erneut mit --yes aus, um diese zu entfernen.</translation>
    </message>
    <message>
        <source>Uninstall failed.</source>
        <translation>Deinstallation fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Nothing removed: nothing this setup made is left on the VM.</source>
        <translation>Nichts entfernt: Auf der VM ist nichts mehr, was diese Einrichtung angelegt hat.</translation>
    </message>
    <message>
        <source>Uninstalled:</source>
        <translation>Deinstalliert:</translation>
    </message>
    <message>
        <source>Left on the VM:</source>
        <translation>Auf der VM verblieben:</translation>
    </message>
    <message>
        <source>Cannot write the transcript to %1: %2</source>
        <translation>Das Protokoll kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Remove them?</source>
        <translation>Entfernen?</translation>
    </message>
</context>
<context>
    <name>gs::cli::LogsCommand</name>
    <message>
        <source>Print the log of the runner or the delegate; known failure lines are followed by what they mean.</source>
        <translation>Gibt das Log des Runners oder des Delegates aus; auf bekannte Fehlerzeilen folgt, was sie bedeuten.</translation>
    </message>
    <message>
        <source>Keep printing new lines until Ctrl-C.</source>
        <translation>Neue Zeilen weiter ausgeben, bis Strg-C.</translation>
    </message>
    <message>
        <source>How many of the last lines (default 200).</source>
        <translation>Wie viele der letzten Zeilen (Standard 200).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup logs --config FILE runner|delegate [--follow] [--tail N]</source>
        <translation>Aufruf: gitspaces-setup logs --config DATEI runner|delegate [--follow] [--tail N]</translation>
    </message>
</context>
<context>
    <name>gs::cli::ManageCommand</name>
    <message>
        <source>The setup config file.</source>
        <translation>Die Setup-Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Accept exactly this host key (SHA256:…).</source>
        <translation>Genau diesen Host-Schlüssel akzeptieren (SHA256:…).</translation>
    </message>
    <message>
        <source>FINGERPRINT</source>
        <translation>FINGERABDRUCK</translation>
    </message>
    <message>
        <source>Read the sudo password from standard input.</source>
        <translation>Das sudo-Passwort von der Standardeingabe lesen.</translation>
    </message>
    <message>
        <source>Read a Harness API key from standard input (after the sudo password).</source>
        <translation>Einen Harness-API-Schlüssel von der Standardeingabe lesen (nach dem sudo-Passwort).</translation>
    </message>
    <message>
        <source>Note: the keychain could not be read (%1); Harness is not asked.</source>
        <translation>Hinweis: Der Schlüsselbund konnte nicht gelesen werden (%1); Harness wird nicht gefragt.</translation>
    </message>
</context>
<context>
    <name>gs::cli::StatusCommand</name>
    <message>
        <source>Warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Healthy: the runner and the delegate run and answer.</source>
        <translation>Gesund: Runner und Delegate laufen und antworten.</translation>
    </message>
    <message>
        <source>Not healthy (see the problems above).</source>
        <translation>Nicht gesund (siehe die Probleme oben).</translation>
    </message>
    <message>
        <source>How the VM is doing: the runner, the delegate, the network and the pool file. Exit 0 healthy, 1 something is down (named), 2 the VM cannot be reached.</source>
        <translation>Wie es der VM geht: Runner, Delegate, Netzwerk und Pool-Datei. Exit 0 gesund, 1 etwas ist ausgefallen (benannt), 2 die VM ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup status --config FILE [--json]</source>
        <translation>Aufruf: gitspaces-setup status --config DATEI [--json]</translation>
    </message>
</context>
<context>
    <name>gs::cli::Terminal</name>
    <message>
        <source>[y/N] </source>
        <translation>[j/N] </translation>
    </message>
    <message>
        <source>The host key of %1 is not known:</source>
        <translation>Der Host-Schlüssel von %1 ist nicht bekannt:</translation>
    </message>
    <message>
        <source>Accept it and remember it?</source>
        <translation>Akzeptieren und merken?</translation>
    </message>
</context>
<context>
    <name>gs::cli::TokenStorer</name>
    <message>
        <source>The delegate token is in the keychain; apply reads it from there.</source>
        <translation>Das Delegate-Token liegt im Schlüsselbund; apply liest es von dort.</translation>
    </message>
    <message>
        <source>There is no keychain here; the token was not stored.</source>
        <translation>Hier gibt es keinen Schlüsselbund; das Token wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The keychain did not take the token: %1</source>
        <translation>Der Schlüsselbund hat das Token nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Hand the token to apply yourself: in GITSPACES_DELEGATE_TOKEN (read -rs GITSPACES_DELEGATE_TOKEN &amp;&amp; export GITSPACES_DELEGATE_TOKEN), or on standard input: gitspaces-setup apply --config %1 --token-stdin</source>
        <translation>Übergeben Sie das Token selbst an apply: in GITSPACES_DELEGATE_TOKEN (read -rs GITSPACES_DELEGATE_TOKEN &amp;&amp; export GITSPACES_DELEGATE_TOKEN) oder über die Standardeingabe: gitspaces-setup apply --config %1 --token-stdin</translation>
    </message>
</context>
<context>
    <name>gs::cli::UpgradeDelegateCommand</name>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>No terminal to ask: run again with --yes to upgrade.</source>
        <translation>Kein Terminal zum Fragen: Mit --yes erneut ausführen, um zu aktualisieren.</translation>
    </message>
    <message>
        <source>Nothing to upgrade.</source>
        <translation>Nichts zu aktualisieren.</translation>
    </message>
    <message>
        <source>Upgraded: the delegate runs, is healthy and registered.</source>
        <translation>Aktualisiert: Der Delegate läuft, ist gesund und registriert.</translation>
    </message>
    <message>
        <source>Not upgraded.</source>
        <translation>Nicht aktualisiert.</translation>
    </message>
    <message>
        <source>Upgrade the running delegate to another image tag. Its name, account, tags, manager and token are read from the container and kept: no token needs to be given.</source>
        <translation>Aktualisiert den laufenden Delegate auf ein anderes Image-Tag. Name, Konto, Tags, Manager und Token werden aus dem Container gelesen und beibehalten: Es muss kein Token angegeben werden.</translation>
    </message>
    <message>
        <source>The tag to upgrade to (default: the latest supported version Harness names; needs an API key).</source>
        <translation>Das Ziel-Tag (Standard: die neueste unterstützte Version, die Harness nennt; braucht einen API-Schlüssel).</translation>
    </message>
    <message>
        <source>TAG</source>
        <translation>TAG</translation>
    </message>
    <message>
        <source>Upgrade without asking.</source>
        <translation>Ohne Rückfrage aktualisieren.</translation>
    </message>
    <message>
        <source>Usage: gitspaces-setup upgrade-delegate --config FILE [--tag TAG] [--yes]</source>
        <translation>Aufruf: gitspaces-setup upgrade-delegate --config DATEI [--tag TAG] [--yes]</translation>
    </message>
</context>
<context>
    <name>gs::harness::AccountCheckJob</name>
    <message>
        <source>Account %1 is on this cluster.</source>
        <translation>Konto %1 ist auf diesem Cluster.</translation>
    </message>
    <message>
        <source>Harness reports its status as %1.</source>
        <translation>Harness meldet seinen Status als %1.</translation>
    </message>
    <message>
        <source>Account %1 is not on this cluster (%2). Check the account id (Account Settings → Account Details), or try another cluster: %3.</source>
        <translation>Konto %1 ist nicht auf diesem Cluster (%2). Prüfen Sie die Konto-ID (Account Settings → Account Details), oder versuchen Sie einen anderen Cluster: %3.</translation>
    </message>
</context>
<context>
    <name>gs::harness::DelegateConnectedWait</name>
    <message>
        <source>Cancelled before Harness reported the delegate connected.</source>
        <translation>Abgebrochen, bevor Harness den Delegate als verbunden gemeldet hat.</translation>
    </message>
    <message>
        <source>The Harness client is gone.</source>
        <translation>Der Harness-Client ist nicht mehr da.</translation>
    </message>
    <message>
        <source>Delegate &quot;%1&quot; is connected in Harness, but none of its replicas runs on %2 (%3): another host runs a delegate of the same name.</source>
        <translation>Delegate „%1“ ist in Harness verbunden, aber keines seiner Replikate läuft auf %2 (%3): Ein anderer Host betreibt einen Delegate gleichen Namens.</translation>
    </message>
    <message>
        <source>Not connected in Harness after %1 s: %2</source>
        <translation>Nach %1 s nicht in Harness verbunden: %2</translation>
    </message>
    <message>
        <source>Delegate &quot;%1&quot; is connected in Harness (%2).</source>
        <translation>Delegate „%1“ ist in Harness verbunden (%2).</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <source>not listed yet</source>
        <translation>noch nicht aufgeführt</translation>
    </message>
    <message>
        <source>(no host name)</source>
        <translation>(kein Hostname)</translation>
    </message>
    <message>
        <source> (disconnected)</source>
        <translation> (getrennt)</translation>
    </message>
    <message>
        <source>replicas: %1</source>
        <translation>Replikate: %1</translation>
    </message>
    <message>
        <source>last heartbeat %1</source>
        <translation>letztes Lebenszeichen %1</translation>
    </message>
</context>
<context>
    <name>gs::harness::DelegateImage</name>
    <message>
        <source>The image has no tag, so its age is unknown; the latest supported delegate version is %1.</source>
        <translation>Das Image hat keinen Tag, daher ist sein Alter unbekannt; die neueste unterstützte Delegate-Version ist %1.</translation>
    </message>
    <message>
        <source>The image tag &quot;%1&quot; is not a yy.mm.build version, so its age is unknown; the latest supported delegate version is %2.</source>
        <translation>Der Image-Tag „%1“ ist keine Version der Form yy.mm.build, daher ist sein Alter unbekannt; die neueste unterstützte Delegate-Version ist %2.</translation>
    </message>
    <message numerus="yes">
        <source>The image tag %1 is %n month(s) older than the latest supported version %2: delegates expire after 6 months, so it will not stay connected. Use %2.</source>
        <translation>
            <numerusform>Der Image-Tag %1 ist %n Monat älter als die neueste unterstützte Version %2: Delegates laufen nach 6 Monaten ab, er bleibt also nicht verbunden. Verwenden Sie %2.</numerusform>
            <numerusform>Der Image-Tag %1 ist %n Monate älter als die neueste unterstützte Version %2: Delegates laufen nach 6 Monaten ab, er bleibt also nicht verbunden. Verwenden Sie %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The image tag %1 is %n month(s) older than the latest supported version %2; Harness accepts versions up to about 3 months older. Use %2.</source>
        <translation>
            <numerusform>Der Image-Tag %1 ist %n Monat älter als die neueste unterstützte Version %2; Harness akzeptiert Versionen bis etwa 3 Monate älter. Verwenden Sie %2.</numerusform>
            <numerusform>Der Image-Tag %1 ist %n Monate älter als die neueste unterstützte Version %2; Harness akzeptiert Versionen bis etwa 3 Monate älter. Verwenden Sie %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The image tag %1 is older than the latest supported version %2; it is still accepted, but %2 is better.</source>
        <translation>Der Image-Tag %1 ist älter als die neueste unterstützte Version %2; er wird noch akzeptiert, aber %2 ist besser.</translation>
    </message>
    <message>
        <source>Copy the current image from the delegate install command in the Harness UI (Account Settings → Account Resources → Delegates → New Delegate → Docker), or give a Harness API key to have the current version proposed.</source>
        <translation>Kopieren Sie das aktuelle Image aus dem Delegate-Installationsbefehl in der Harness-Oberfläche (Account Settings → Account Resources → Delegates → New Delegate → Docker), oder geben Sie einen Harness-API-Schlüssel an, damit die aktuelle Version vorgeschlagen wird.</translation>
    </message>
    <message>
        <source>The delegate image is pinned by digest, so its age cannot be told from its name. Harness delegates expire six months after their release: make sure this one is recent. %1</source>
        <translation>Das Delegate-Image ist per Digest festgelegt, daher lässt sich sein Alter nicht am Namen ablesen. Harness-Delegates laufen sechs Monate nach ihrer Veröffentlichung ab: Stellen Sie sicher, dass dieses aktuell ist. %1</translation>
    </message>
    <message>
        <source>The delegate image has no tag, so Docker pulls &quot;latest&quot;: Harness&apos;s legacy, deprecated delegate, whose age cannot be told. Use a yy.mm.build tag. %1</source>
        <translation>Das Delegate-Image hat keinen Tag, daher lädt Docker „latest“: den veralteten Legacy-Delegate von Harness, dessen Alter sich nicht feststellen lässt. Verwenden Sie einen Tag der Form yy.mm.build. %1</translation>
    </message>
    <message>
        <source>The delegate image tag &quot;latest&quot; is Harness&apos;s legacy, deprecated delegate, whose age cannot be told. Use a yy.mm.build tag. %1</source>
        <translation>Der Delegate-Image-Tag „latest“ ist der veraltete Legacy-Delegate von Harness, dessen Alter sich nicht feststellen lässt. Verwenden Sie einen Tag der Form yy.mm.build. %1</translation>
    </message>
    <message>
        <source>The delegate image tag &quot;%1&quot; is not a yy.mm.build version, so its age cannot be told. Harness delegates expire six months after their release: make sure this one is recent. %2</source>
        <translation>Der Delegate-Image-Tag „%1“ ist keine Version der Form yy.mm.build, daher lässt sich sein Alter nicht feststellen. Harness-Delegates laufen sechs Monate nach ihrer Veröffentlichung ab: Stellen Sie sicher, dass dieser aktuell ist. %2</translation>
    </message>
    <message numerus="yes">
        <source>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expired around %3: the delegate will not stay connected. %4</source>
        <translation>
            <numerusform>Der Delegate-Image-Tag %1 stammt von %2, ist also %n Monat alt. Harness-Delegates laufen sechs Monate nach ihrer Veröffentlichung ab; dieser ist etwa im %3 abgelaufen: Der Delegate bleibt nicht verbunden. %4</numerusform>
            <numerusform>Der Delegate-Image-Tag %1 stammt von %2, ist also %n Monate alt. Harness-Delegates laufen sechs Monate nach ihrer Veröffentlichung ab; dieser ist etwa im %3 abgelaufen: Der Delegate bleibt nicht verbunden. %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The delegate image tag %1 is from %2, %n months ago. Harness delegates expire six months after their release, so this one expires around %3. %4</source>
        <translation>
            <numerusform>Der Delegate-Image-Tag %1 stammt von %2, ist also %n Monat alt. Harness-Delegates laufen sechs Monate nach ihrer Veröffentlichung ab; dieser läuft etwa im %3 ab. %4</numerusform>
            <numerusform>Der Delegate-Image-Tag %1 stammt von %2, ist also %n Monate alt. Harness-Delegates laufen sechs Monate nach ihrer Veröffentlichung ab; dieser läuft etwa im %3 ab. %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::harness::DelegateStatusJob</name>
    <message>
        <source>Enter the account id first.</source>
        <translation>Geben Sie zuerst die Konto-ID ein.</translation>
    </message>
    <message>
        <source>Enter the delegate name first.</source>
        <translation>Geben Sie zuerst den Delegate-Namen ein.</translation>
    </message>
    <message>
        <source>The manager URL must be an absolute https:// URL such as https://app.harness.io.</source>
        <translation>Die Manager-URL muss eine absolute https://-URL sein, etwa https://app.harness.io.</translation>
    </message>
    <message>
        <source>Checking the delegate in Harness</source>
        <translation>Delegate in Harness prüfen</translation>
    </message>
</context>
<context>
    <name>gs::harness::HarnessClient</name>
    <message>
        <source>The API key is only sent over https://: use the https:// manager URL.</source>
        <translation>Der API-Schlüssel wird nur über https:// gesendet: Verwenden Sie die https://-Manager-URL.</translation>
    </message>
    <message>
        <source>%1 needs a Harness API key (a personal &quot;pat.&quot; or service account &quot;sat.&quot; token of this account).</source>
        <translation>%1 braucht einen Harness-API-Schlüssel (ein persönliches „pat.“- oder Dienstkonto-„sat.“-Token dieses Kontos).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The TLS connection to %1 was refused: %2. If a company proxy inspects TLS, add its CA certificate to the system&apos;s trusted CAs.</source>
        <translation>Die TLS-Verbindung zu %1 wurde abgelehnt: %2. Wenn ein Firmen-Proxy TLS untersucht, fügen Sie sein CA-Zertifikat den vertrauenswürdigen CAs des Systems hinzu.</translation>
    </message>
    <message>
        <source>%1 did not answer in time (%2).</source>
        <translation>%1 hat nicht rechtzeitig geantwortet (%2).</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the manager URL, the network and the proxy settings.</source>
        <translation>%1 ist nicht erreichbar: %2. Prüfen Sie die Manager-URL, das Netzwerk und die Proxy-Einstellungen.</translation>
    </message>
    <message>
        <source>Harness rejected the API key (HTTP 401). Use a current &quot;pat.&quot; or &quot;sat.&quot; key of this account, on the account&apos;s own cluster.</source>
        <translation>Harness hat den API-Schlüssel abgelehnt (HTTP 401). Verwenden Sie einen gültigen „pat.“- oder „sat.“-Schlüssel dieses Kontos, auf dem eigenen Cluster des Kontos.</translation>
    </message>
    <message>
        <source>The API key is valid but not allowed to do this (HTTP 403): give its user or service account permission to view delegates.</source>
        <translation>Der API-Schlüssel ist gültig, darf das aber nicht (HTTP 403): Geben Sie seinem Benutzer oder Dienstkonto die Berechtigung, Delegates anzusehen.</translation>
    </message>
    <message>
        <source>%1 has no such API (HTTP 404): check the manager URL.</source>
        <translation>%1 hat keine solche API (HTTP 404): Prüfen Sie die Manager-URL.</translation>
    </message>
    <message>
        <source>Harness had a server error (%1). Try again in a minute; if it persists, check status.harness.io.</source>
        <translation>Harness hatte einen Serverfehler (%1). Versuchen Sie es in einer Minute erneut; wenn er bleibt, sehen Sie auf status.harness.io nach.</translation>
    </message>
    <message>
        <source>Harness answered %1.</source>
        <translation>Harness hat %1 geantwortet.</translation>
    </message>
    <message>
        <source>Enter the account id to check it.</source>
        <translation>Geben Sie die Konto-ID ein, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>The manager URL must be an absolute https:// URL such as https://app.harness.io.</source>
        <translation>Die Manager-URL muss eine absolute https://-URL sein, etwa https://app.harness.io.</translation>
    </message>
</context>
<context>
    <name>gs::harness::HarnessPreflight</name>
    <message>
        <source>Proposed delegate image: %1</source>
        <translation>Vorgeschlagenes Delegate-Image: %1</translation>
    </message>
    <message>
        <source>The Harness client is gone.</source>
        <translation>Der Harness-Client ist nicht mehr da.</translation>
    </message>
</context>
<context>
    <name>gs::harness::HttpTransportLoader</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>%1: not a gitspaces-setup HTTP plugin (%2)</source>
        <translation>%1: kein HTTP-Plugin von gitspaces-setup (%2)</translation>
    </message>
    <message>
        <source>Cannot make HTTP requests: the component %1 could not be loaded from %2 (%3). Reinstall gitspaces-setup, or set %4 to the directory that holds it.</source>
        <translation>HTTP-Anfragen sind nicht möglich: Die Komponente %1 konnte nicht aus %2 geladen werden (%3). Installieren Sie gitspaces-setup neu oder setzen Sie %4 auf das Verzeichnis, das sie enthält.</translation>
    </message>
    <message>
        <source>no directory</source>
        <translation>kein Verzeichnis</translation>
    </message>
</context>
<context>
    <name>gs::harness::LatestVersionJob</name>
    <message>
        <source>Enter the account id first.</source>
        <translation>Geben Sie zuerst die Konto-ID ein.</translation>
    </message>
    <message>
        <source>The manager URL must be an absolute https:// URL such as https://app.harness.io.</source>
        <translation>Die Manager-URL muss eine absolute https://-URL sein, etwa https://app.harness.io.</translation>
    </message>
    <message>
        <source>Looking up the current delegate version</source>
        <translation>Suche die aktuelle Delegate-Version</translation>
    </message>
    <message>
        <source>The latest supported delegate version is %1.</source>
        <translation>Die neueste unterstützte Delegate-Version ist %1.</translation>
    </message>
</context>
<context>
    <name>gs::harness::Responses</name>
    <message>
        <source>Harness answered, but not in the documented format (%1). Check that the manager URL points at Harness.</source>
        <translation>Harness hat geantwortet, aber nicht im dokumentierten Format (%1). Prüfen Sie, ob die Manager-URL auf Harness zeigt.</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>no resource.latestSupportedVersion</source>
        <translation>kein resource.latestSupportedVersion</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag</source>
        <translation>„%1“ ist kein gültiger Image-Tag</translation>
    </message>
    <message>
        <source>no list of delegates in resource</source>
        <translation>keine Liste von Delegates in resource</translation>
    </message>
    <message>
        <source>Harness does not list a delegate named &quot;%1&quot; in this account yet.</source>
        <translation>Harness führt in diesem Konto noch keinen Delegate namens „%1“.</translation>
    </message>
    <message>
        <source>Delegate &quot;%1&quot; is connected in Harness.</source>
        <translation>Delegate „%1“ ist in Harness verbunden.</translation>
    </message>
    <message>
        <source>Delegate &quot;%1&quot; is known to Harness but not connected yet.</source>
        <translation>Delegate „%1“ ist Harness bekannt, aber noch nicht verbunden.</translation>
    </message>
    <message>
        <source>Delegate &quot;%1&quot; has not sent a heartbeat since %2 (more than %3 minutes ago).</source>
        <translation>Delegate „%1“ hat seit %2 kein Lebenszeichen gesendet (vor mehr als %3 Minuten).</translation>
    </message>
</context>
<context>
    <name>gs::manage</name>
    <message>
        <source>the VM runner</source>
        <translation>den VM-Runner</translation>
    </message>
    <message>
        <source>the delegate</source>
        <translation>den Delegate</translation>
    </message>
    <message>
        <source>not on the VM</source>
        <translation>nicht auf der VM</translation>
    </message>
    <message>
        <source>up since %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n Neustart</numerusform>
            <numerusform>%n Neustarts</numerusform>
        </translation>
    </message>
    <message>
        <source>built %1</source>
        <translation>gebaut %1</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gs::manage::CommandRun</name>
    <message>
        <source>Warning: the account id could not be read from the keychain. %1</source>
        <translation>Warnung: Die Konto-ID konnte nicht aus dem Schlüsselbund gelesen werden. %1</translation>
    </message>
    <message>
        <source>No delegate token: not in the keychain, GITSPACES_DELEGATE_TOKEN is not set, and --token-stdin was not given.</source>
        <translation>Kein Delegate-Token: nicht im Schlüsselbund, GITSPACES_DELEGATE_TOKEN ist nicht gesetzt, und --token-stdin wurde nicht angegeben.</translation>
    </message>
    <message>
        <source>No delegate token: the keychain could not be read. %1 Set GITSPACES_DELEGATE_TOKEN or pass --token-stdin.</source>
        <translation>Kein Delegate-Token: Der Schlüsselbund konnte nicht gelesen werden. %1 Setzen Sie GITSPACES_DELEGATE_TOKEN oder übergeben Sie --token-stdin.</translation>
    </message>
    <message>
        <source>Checking the account with %1…</source>
        <translation>Prüfe das Konto bei %1 …</translation>
    </message>
    <message>
        <source>Connected (host key %1).</source>
        <translation>Verbunden (Host-Schlüssel %1).</translation>
    </message>
    <message>
        <source>Not checked in Harness: no API key (keychain, GITSPACES_HARNESS_API_KEY or --harness-api-key-stdin).</source>
        <translation>Nicht in Harness geprüft: kein API-Schlüssel (Schlüsselbund, GITSPACES_HARNESS_API_KEY oder --harness-api-key-stdin).</translation>
    </message>
    <message>
        <source>The delegate runs, but Harness does not list it as connected.</source>
        <translation>Der Delegate läuft, aber Harness führt ihn nicht als verbunden.</translation>
    </message>
    <message>
        <source>Waiting for Harness to list the delegate as connected…</source>
        <translation>Warte, bis Harness den Delegate als verbunden führt …</translation>
    </message>
</context>
<context>
    <name>gs::manage::ContainerLogsJob</name>
    <message>
        <source>Following the log of %1 (Cancel stops it)…</source>
        <translation>Folge dem Log von %1 (Abbrechen beendet es)…</translation>
    </message>
    <message numerus="yes">
        <source>The last %n line(s) of the log of %1:</source>
        <translation>
            <numerusform>Die letzte Zeile des Logs von %1:</numerusform>
            <numerusform>Die letzten %n Zeilen des Logs von %1:</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the log of %1</source>
        <translation>Lesen des Logs von %1</translation>
    </message>
</context>
<context>
    <name>gs::manage::DelegateUpgradeJob</name>
    <message>
        <source>There is no delegate container %1 on the VM to upgrade. Set it up first (&quot;Run for me&quot; on the Delegate page, or `apply`).</source>
        <translation>Auf der VM gibt es keinen Delegate-Container %1 zum Aktualisieren. Richten Sie ihn zuerst ein („Für mich ausführen“ auf der Delegate-Seite oder `apply`).</translation>
    </message>
    <message>
        <source>The container %1 has no DELEGATE_TOKEN or ACCOUNT_ID: it is not a delegate this upgrade can keep. Use `apply` with the token instead.</source>
        <translation>Der Container %1 hat kein DELEGATE_TOKEN oder keine ACCOUNT_ID: Diesen Delegate kann die Aktualisierung nicht beibehalten. Verwenden Sie stattdessen `apply` mit dem Token.</translation>
    </message>
    <message>
        <source>The container runs as DELEGATE_NAME %1; the upgrade keeps it.</source>
        <translation>Der Container läuft mit DELEGATE_NAME %1; die Aktualisierung behält ihn bei.</translation>
    </message>
    <message>
        <source>The delegate %1 runs %2</source>
        <translation>Der Delegate %1 läuft mit %2</translation>
    </message>
    <message>
        <source>Read the delegate&apos;s token from its container (kept in memory only)</source>
        <translation>Token des Delegates aus seinem Container gelesen (nur im Speicher gehalten)</translation>
    </message>
    <message>
        <source>Which tag? Give one (--tag, or type it), or a Harness API key so the latest supported version can be looked up.</source>
        <translation>Welches Tag? Geben Sie eines an (--tag oder eintippen) oder einen Harness-API-Schlüssel, damit die neueste unterstützte Version nachgeschlagen werden kann.</translation>
    </message>
    <message>
        <source>Asking Harness for the latest supported delegate version…</source>
        <translation>Frage Harness nach der neuesten unterstützten Delegate-Version…</translation>
    </message>
    <message>
        <source>Harness did not say which version is the latest: %1</source>
        <translation>Harness hat nicht gesagt, welche Version die neueste ist: %1</translation>
    </message>
    <message>
        <source>Harness&apos;s latest supported delegate version is %1</source>
        <translation>Die neueste von Harness unterstützte Delegate-Version ist %1</translation>
    </message>
    <message>
        <source>The delegate already runs %1</source>
        <translation>Der Delegate läuft bereits mit %1</translation>
    </message>
    <message>
        <source>Upgrade the delegate %1 to %2?</source>
        <translation>Delegate %1 auf %2 aktualisieren?</translation>
    </message>
    <message>
        <source>Now: %1
Then: %2
Its name, account, tags, manager and token stay as they are; the container is replaced, and the wait for health and registration follows.</source>
        <translation>Jetzt: %1
Dann: %2
Name, Konto, Tags, Manager und Token bleiben, wie sie sind; der Container wird ersetzt, danach wird auf Gesundheit und Registrierung gewartet.</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not upgraded: the delegate was left as it is.</source>
        <translation>Nicht aktualisiert: Der Delegate blieb, wie er ist.</translation>
    </message>
    <message>
        <source>Pulling %1 (the delegate was left as it is)</source>
        <translation>Herunterladen von %1 (der Delegate blieb, wie er ist)</translation>
    </message>
    <message>
        <source>The delegate runs %1</source>
        <translation>Der Delegate läuft mit %1</translation>
    </message>
</context>
<context>
    <name>gs::manage::ManageJob</name>
    <message>
        <source>Reconnecting so the docker group applies…</source>
        <translation>Neu verbinden, damit die docker-Gruppe gilt…</translation>
    </message>
    <message>
        <source>Docker cannot be used by %1; run the preflight checks for what to do.</source>
        <translation>Docker kann von %1 nicht verwendet werden; führen Sie die Vorabprüfungen aus, um zu sehen, was zu tun ist.</translation>
    </message>
    <message>
        <source>The delegate&apos;s token could not be read from its container.</source>
        <translation>Das Token des Delegates konnte nicht aus seinem Container gelesen werden.</translation>
    </message>
</context>
<context>
    <name>gs::manage::RestartJob</name>
    <message numerus="yes">
        <source>The pool file has %n error(s); the runner would refuse it. The file on the VM was left as it was.</source>
        <translation>
            <numerusform>Die Pool-Datei hat %n Fehler; der Runner würde sie ablehnen. Die Datei auf der VM blieb, wie sie war.</numerusform>
            <numerusform>Die Pool-Datei hat %n Fehler; der Runner würde sie ablehnen. Die Datei auf der VM blieb, wie sie war.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pool.yaml (%n byte(s))</source>
        <translation>
            <numerusform>pool.yaml (%n Byte)</numerusform>
            <numerusform>pool.yaml (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Schreiben von %1</translation>
    </message>
    <message>
        <source>Wrote %1 (mode 0600)</source>
        <translation>%1 geschrieben (Modus 0600)</translation>
    </message>
    <message>
        <source>Restarting %1</source>
        <translation>Neustart von %1</translation>
    </message>
    <message>
        <source>Restarted %1</source>
        <translation>%1 neu gestartet</translation>
    </message>
</context>
<context>
    <name>gs::manage::StatusJob</name>
    <message>
        <source>Docker is not installed on the VM: nothing is set up there.</source>
        <translation>Docker ist auf der VM nicht installiert: Dort ist nichts eingerichtet.</translation>
    </message>
    <message>
        <source>This user can reach Docker neither directly (docker group) nor with sudo without a password. Give the sudo password (--sudo-password-stdin), or connect as a user that can.</source>
        <translation>Dieser Benutzer erreicht Docker weder direkt (docker-Gruppe) noch mit sudo ohne Passwort. Geben Sie das sudo-Passwort an (--sudo-password-stdin) oder verbinden Sie sich als ein Benutzer, der es kann.</translation>
    </message>
    <message>
        <source>Docker does not answer on the VM (is the daemon running?).</source>
        <translation>Docker antwortet auf der VM nicht (läuft der Daemon?).</translation>
    </message>
    <message>
        <source>%1 is missing or cannot be read.</source>
        <translation>%1 fehlt oder kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Asking the VM for its status</source>
        <translation>Abfrage des Zustands der VM</translation>
    </message>
</context>
<context>
    <name>gs::manage::UpgraderJob</name>
    <message>
        <source>The upgrader %1 runs</source>
        <translation>Der Upgrader %1 läuft</translation>
    </message>
    <message>
        <source>Starting the upgrader %1</source>
        <translation>Starten des Upgraders %1</translation>
    </message>
    <message>
        <source>Started the upgrader %1 (it was stopped)</source>
        <translation>Upgrader %1 gestartet (er war angehalten)</translation>
    </message>
    <message>
        <source>There is no delegate %1 with a token on the VM: set it up first, then install the upgrader.</source>
        <translation>Auf der VM gibt es keinen Delegate %1 mit Token: Richten Sie ihn zuerst ein, dann installieren Sie den Upgrader.</translation>
    </message>
    <message>
        <source>UPGRADER_TOKEN (the delegate&apos;s token)</source>
        <translation>UPGRADER_TOKEN (das Token des Delegates)</translation>
    </message>
    <message>
        <source>Started the upgrader %1: it upgrades the delegate on schedule (%2)</source>
        <translation>Upgrader %1 gestartet: Er aktualisiert den Delegate nach Zeitplan (%2)</translation>
    </message>
</context>
<context>
    <name>gs::manage::VmStatus</name>
    <message>
        <source>The VM runner (%1) is not on the VM.</source>
        <translation>Der VM-Runner (%1) ist nicht auf der VM.</translation>
    </message>
    <message>
        <source>The VM runner (%1) is %2, not running.</source>
        <translation>Der VM-Runner (%1) ist %2, er läuft nicht.</translation>
    </message>
    <message>
        <source>The VM runner does not answer its health check on port 3000.</source>
        <translation>Der VM-Runner beantwortet seine Gesundheitsprüfung auf Port 3000 nicht.</translation>
    </message>
    <message>
        <source>The VM runner&apos;s health check answered: %1</source>
        <translation>Die Gesundheitsprüfung des VM-Runners antwortete: %1</translation>
    </message>
    <message>
        <source>The delegate (%1) is not on the VM.</source>
        <translation>Der Delegate (%1) ist nicht auf der VM.</translation>
    </message>
    <message>
        <source>The delegate (%1) is %2, not running.</source>
        <translation>Der Delegate (%1) ist %2, er läuft nicht.</translation>
    </message>
    <message>
        <source>The delegate reports %1, not healthy.</source>
        <translation>Der Delegate meldet %1, nicht gesund.</translation>
    </message>
    <message>
        <source>The harness network is missing: the delegate cannot reach the runner.</source>
        <translation>Das harness-Netzwerk fehlt: Der Delegate erreicht den Runner nicht.</translation>
    </message>
    <message>
        <source>%1 is not attached to the harness network.</source>
        <translation>%1 ist nicht mit dem harness-Netzwerk verbunden.</translation>
    </message>
    <message>
        <source>Harness does not list the delegate as connected: %1</source>
        <translation>Harness führt den Delegate nicht als verbunden: %1</translation>
    </message>
    <message>
        <source>The runner logged: %1</source>
        <translation>Der Runner protokollierte: %1</translation>
    </message>
    <message>
        <source>The delegate logged: %1</source>
        <translation>Der Delegate protokollierte: %1</translation>
    </message>
    <message>
        <source>The delegate&apos;s log has no &quot;Delegate registered with id&quot; line.</source>
        <translation>Das Log des Delegates hat keine Zeile „Delegate registered with id“.</translation>
    </message>
    <message>
        <source>%1 on the VM differs from the local pool file.</source>
        <translation>%1 auf der VM unterscheidet sich von der lokalen Pool-Datei.</translation>
    </message>
    <message>
        <source>Harness could not be asked: %1</source>
        <translation>Harness konnte nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>The upgrader (%1) is %2: the delegate is not kept current.</source>
        <translation>Der Upgrader (%1) ist %2: Der Delegate wird nicht aktuell gehalten.</translation>
    </message>
    <message>
        <source>VM runner %1: %2</source>
        <translation>VM-Runner %1: %2</translation>
    </message>
    <message>
        <source>image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>health check: %1</source>
        <translation>Gesundheitsprüfung: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Delegate %1: %2</source>
        <translation>Delegate %1: %2</translation>
    </message>
    <message>
        <source>registered with id %1</source>
        <translation>registriert mit ID %1</translation>
    </message>
    <message>
        <source>no &quot;registered&quot; line in its log</source>
        <translation>keine „registered“-Zeile in seinem Log</translation>
    </message>
    <message>
        <source>connected in Harness: not asked (no API key)</source>
        <translation>in Harness verbunden: nicht gefragt (kein API-Schlüssel)</translation>
    </message>
    <message>
        <source>connected in Harness: yes. %1</source>
        <translation>in Harness verbunden: ja. %1</translation>
    </message>
    <message>
        <source>connected in Harness: no. %1</source>
        <translation>in Harness verbunden: nein. %1</translation>
    </message>
    <message>
        <source>connected in Harness: unknown. %1</source>
        <translation>in Harness verbunden: unbekannt. %1</translation>
    </message>
    <message>
        <source>Upgrader %1: %2</source>
        <translation>Upgrader %1: %2</translation>
    </message>
    <message>
        <source>Network harness: %1</source>
        <translation>Netzwerk harness: %1</translation>
    </message>
    <message>
        <source>nothing attached</source>
        <translation>nichts verbunden</translation>
    </message>
    <message>
        <source>Network harness: missing</source>
        <translation>Netzwerk harness: fehlt</translation>
    </message>
    <message>
        <source>Pool file %1: %2</source>
        <translation>Pool-Datei %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Pool file %1: %n byte(s) (no local pool file to compare)</source>
        <translation>
            <numerusform>Pool-Datei %1: %n Byte (keine lokale Pool-Datei zum Vergleichen)</numerusform>
            <numerusform>Pool-Datei %1: %n Bytes (keine lokale Pool-Datei zum Vergleichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pool file %1: the same as the local file</source>
        <translation>Pool-Datei %1: gleich der lokalen Datei</translation>
    </message>
    <message>
        <source>Pool file %1: differs from the local file:</source>
        <translation>Pool-Datei %1: unterscheidet sich von der lokalen Datei:</translation>
    </message>
</context>
<context>
    <name>gs::pool</name>
    <message>
        <source>The pool file cannot be read as YAML; fix it before the key path can be rewritten.</source>
        <translation>Die Pool-Datei lässt sich nicht als YAML lesen; korrigieren Sie sie, bevor der Schlüsselpfad umgeschrieben werden kann.</translation>
    </message>
    <message>
        <source>No pool in the file has `spec.account.json_path`.</source>
        <translation>Kein Pool in der Datei hat `spec.account.json_path`.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a list of text values</source>
        <translation>eine Liste von Textwerten</translation>
    </message>
    <message>
        <source>a mapping (key: value lines)</source>
        <translation>eine Zuordnung (Zeilen der Form Schlüssel: Wert)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <source>json_path on line %1 is an alias, an anchored or tagged empty value, or not a plain value at all; write the path the container sees (%2) there by hand.</source>
        <translation>json_path in Zeile %1 ist ein Alias, ein leerer Wert mit Anker oder Tag oder gar kein einfacher Wert; tragen Sie den Pfad, den der Container sieht (%2), dort von Hand ein.</translation>
    </message>
</context>
<context>
    <name>gs::pool::Validator</name>
    <message>
        <source>More problems follow; fix these first.</source>
        <translation>Es folgen weitere Probleme; beheben Sie zuerst diese.</translation>
    </message>
    <message>
        <source>The file expands to too many values through aliases (*name); the runner refuses such files. Write the values out or use fewer nested aliases.</source>
        <translation>Die Datei ergibt über Aliase (*name) zu viele Werte; der Runner lehnt solche Dateien ab. Schreiben Sie die Werte aus oder verwenden Sie weniger verschachtelte Aliase.</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>the boolean %1</source>
        <translation>der Wahrheitswert %1</translation>
    </message>
    <message>
        <source>the text &quot;%1&quot;</source>
        <translation>der Text „%1“</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>die Zahl %1</translation>
    </message>
    <message>
        <source>`%1` must be %2, but this is %3. The runner stops at startup with &quot;json: cannot unmarshal %4 into Go value of type %5&quot;.</source>
        <translation>`%1` muss %2 sein, aber das ist %3. Der Runner bricht beim Start mit „json: cannot unmarshal %4 into Go value of type %5“ ab.</translation>
    </message>
    <message>
        <source> Put the value in quotes.</source>
        <translation> Setzen Sie den Wert in Anführungszeichen.</translation>
    </message>
    <message>
        <source>Quote %1</source>
        <translation>%1 in Anführungszeichen setzen</translation>
    </message>
    <message>
        <source> Remove the quotes.</source>
        <translation> Entfernen Sie die Anführungszeichen.</translation>
    </message>
    <message>
        <source>Remove the quotes</source>
        <translation>Anführungszeichen entfernen</translation>
    </message>
    <message>
        <source> Write it as a list: [%1].</source>
        <translation> Schreiben Sie es als Liste: [%1].</translation>
    </message>
    <message>
        <source>Make it a list</source>
        <translation>In eine Liste umwandeln</translation>
    </message>
    <message>
        <source>Unknown key `%1`: the runner ignores it. Did you mean `%2`?</source>
        <translation>Unbekannter Schlüssel `%1`: Der Runner ignoriert ihn. Meinten Sie `%2`?</translation>
    </message>
    <message>
        <source>Rename to %1</source>
        <translation>In %1 umbenennen</translation>
    </message>
    <message>
        <source>`%1` is a driver setting: move it under `spec:`; here the runner ignores it.</source>
        <translation>`%1` ist eine Treibereinstellung: Verschieben Sie sie unter `spec:`; hier ignoriert der Runner sie.</translation>
    </message>
    <message>
        <source>Unknown key `%1`: the runner ignores it. Check the spelling or remove it.</source>
        <translation>Unbekannter Schlüssel `%1`: Der Runner ignoriert ihn. Prüfen Sie die Schreibweise oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>`%1` sets `%2` again (the runner ignores case); the last one wins. Keep one.</source>
        <translation>`%1` setzt `%2` erneut (der Runner ignoriert Groß- und Kleinschreibung); der letzte gewinnt. Behalten Sie einen.</translation>
    </message>
    <message>
        <source>`%1` is ignored by the runner: %2.</source>
        <translation>`%1` wird vom Runner ignoriert: %2.</translation>
    </message>
    <message>
        <source>`%1` is deprecated (the runner logs a warning but uses it); %2.</source>
        <translation>`%1` ist veraltet (der Runner protokolliert eine Warnung, verwendet es aber); %2.</translation>
    </message>
    <message>
        <source>`%1` is repeated (first on line %2); the runner keeps only this last value. Remove one of them.</source>
        <translation>`%1` ist wiederholt (zuerst in Zeile %2); der Runner behält nur diesen letzten Wert. Entfernen Sie einen davon.</translation>
    </message>
    <message>
        <source>The aliases (*name) in this file expand to %1 values; the runner refuses such &quot;excessive aliasing&quot;. Write the values out or use fewer nested aliases.</source>
        <translation>Die Aliase (*name) in dieser Datei ergeben %1 Werte; der Runner lehnt solches „excessive aliasing“ ab. Schreiben Sie die Werte aus oder verwenden Sie weniger verschachtelte Aliase.</translation>
    </message>
    <message>
        <source>The %1 driver does not run `os: %2`; it accepts %3. The runner stops at startup.</source>
        <translation>Der Treiber %1 unterstützt `os: %2` nicht; er akzeptiert %3. Der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>The %1 driver does not run `arch: %2`; it accepts %3. The runner stops at startup.</source>
        <translation>Der Treiber %1 unterstützt `arch: %2` nicht; er akzeptiert %3. Der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>The amazon driver knows `os_name` ubuntu or amazon-linux, not `%1`.</source>
        <translation>Der Treiber amazon kennt `os_name` ubuntu oder amazon-linux, nicht `%1`.</translation>
    </message>
    <message>
        <source>The azure driver runs Windows; `os: %1` is not checked by the runner but VMs will be set up as Windows.</source>
        <translation>Der Treiber azure betreibt Windows; `os: %1` prüft der Runner nicht, aber VMs werden als Windows eingerichtet.</translation>
    </message>
    <message>
        <source>The runner applies `tenants` only to amazon and google pools; for %1 they are ignored. Remove them or split the pool.</source>
        <translation>Der Runner wendet `tenants` nur auf Pools vom Typ amazon und google an; für %1 werden sie ignoriert. Entfernen Sie sie oder teilen Sie den Pool auf.</translation>
    </message>
    <message>
        <source>A pool with `tenants` needs a top-level `spec` (the default tenant); the runner stops at startup. Fill in `spec:`.</source>
        <translation>Ein Pool mit `tenants` braucht ein `spec` auf oberster Ebene (den Standard-Tenant); der Runner bricht beim Start ab. Füllen Sie `spec:` aus.</translation>
    </message>
    <message>
        <source>Each tenant needs a non-empty `ids` list of account ids; the runner stops at startup.</source>
        <translation>Jeder Tenant braucht eine nicht leere Liste `ids` mit Konto-IDs; der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>The tenant id (`group_id`, else the first of `ids`) is empty; the runner stops at startup.</source>
        <translation>Die Tenant-ID (`group_id`, sonst der erste Eintrag von `ids`) ist leer; der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>`default` is reserved for the pool&apos;s own spec; pick another tenant id.</source>
        <translation>`default` ist für das eigene spec des Pools reserviert; wählen Sie eine andere Tenant-ID.</translation>
    </message>
    <message>
        <source>Tenant id `%1` is used twice in this pool (first on line %2); the runner stops at startup.</source>
        <translation>Tenant-ID `%1` wird in diesem Pool zweimal verwendet (zuerst in Zeile %2); der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>Account `%1` is mapped to more than one tenant; the runner stops at startup. Keep it in one tenant.</source>
        <translation>Konto `%1` ist mehr als einem Tenant zugeordnet; der Runner bricht beim Start ab. Behalten Sie es in einem Tenant.</translation>
    </message>
    <message>
        <source>`group_id: %1` is also an account id of another tenant; the runner stops at startup. Rename the group.</source>
        <translation>`group_id: %1` ist auch eine Konto-ID eines anderen Tenants; der Runner bricht beim Start ab. Benennen Sie die Gruppe um.</translation>
    </message>
    <message>
        <source>`spec.account.project_id` is missing: the runner&apos;s startup check lists the project&apos;s regions and stops without it. Set it to your GCP project id.</source>
        <translation>`spec.account.project_id` fehlt: Die Startprüfung des Runners listet die Regionen des Projekts auf und bricht ohne sie ab. Setzen Sie sie auf Ihre GCP-Projekt-ID.</translation>
    </message>
    <message>
        <source>`%1` does not look like a GCP project id (lowercase letters, digits and hyphens, starting with a letter). Use the project id, not its name or number.</source>
        <translation>`%1` sieht nicht wie eine GCP-Projekt-ID aus (Kleinbuchstaben, Ziffern und Bindestriche, beginnend mit einem Buchstaben). Verwenden Sie die Projekt-ID, nicht den Namen oder die Nummer.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>`json_path: %1`: the runner does not expand `~`, and the container has no such home folder. Copy the key into %2 on the VM and use %3.</source>
        <translation>`json_path: %1`: Der Runner erweitert `~` nicht, und der Container hat keinen solchen Home-Ordner. Kopieren Sie den Schlüssel auf der VM nach %2 und verwenden Sie %3.</translation>
    </message>
    <message>
        <source>`json_path: %1` is relative: the runner resolves it inside its container, where Terraform&apos;s folder does not exist. &quot;Run for me&quot; copies the key into %2 and rewrites the path; by hand, copy the key there and use %3.</source>
        <translation>`json_path: %1` ist relativ: Der Runner löst ihn in seinem Container auf, wo der Terraform-Ordner nicht existiert. „Für mich ausführen“ kopiert den Schlüssel nach %2 und schreibt den Pfad um; von Hand kopieren Sie den Schlüssel dorthin und verwenden %3.</translation>
    </message>
    <message>
        <source>`json_path: %1` is outside %2, the only folder mounted into the runner container. Copy the key into %2 and use %3.</source>
        <translation>`json_path: %1` liegt außerhalb von %2, dem einzigen Ordner, der in den Runner-Container eingehängt ist. Kopieren Sie den Schlüssel nach %2 und verwenden Sie %3.</translation>
    </message>
    <message>
        <source>No `spec.image`: the driver falls back to Ubuntu 16.04 from 2017. Set the image your Gitspaces should use (projects/PROJECT/global/images/NAME).</source>
        <translation>Kein `spec.image`: Der Treiber greift auf Ubuntu 16.04 von 2017 zurück. Setzen Sie das Image, das Ihre Gitspaces verwenden sollen (projects/PROJECT/global/images/NAME).</translation>
    </message>
    <message>
        <source>`image` is a URL; the driver adds its own https://www.googleapis.com/…/projects/ prefix, so VM creation fails. Use projects/PROJECT/global/images/NAME.</source>
        <translation>`image` ist eine URL; der Treiber fügt sein eigenes Präfix https://www.googleapis.com/…/projects/ hinzu, daher schlägt das Anlegen der VM fehl. Verwenden Sie projects/PROJECT/global/images/NAME.</translation>
    </message>
    <message>
        <source>The image looks built for %1 but the pool&apos;s platform is `arch: %2`. Use an image for %2 or change `platform.arch`.</source>
        <translation>Das Image scheint für %1 gebaut, aber die Plattform des Pools ist `arch: %2`. Verwenden Sie ein Image für %2 oder ändern Sie `platform.arch`.</translation>
    </message>
    <message>
        <source>Machine type `%1` is %2 but the pool&apos;s platform is `arch: %3`; the VM will not boot the image. Pick a machine type for %3 (%4) or change `platform.arch`.</source>
        <translation>Maschinentyp `%1` ist %2, aber die Plattform des Pools ist `arch: %3`; die VM startet das Image nicht. Wählen Sie einen Maschinentyp für %3 (%4) oder ändern Sie `platform.arch`.</translation>
    </message>
    <message>
        <source> Rename it to `machine_type`.</source>
        <translation> Benennen Sie es in `machine_type` um.</translation>
    </message>
    <message>
        <source>Rename to machine_type</source>
        <translation>In machine_type umbenennen</translation>
    </message>
    <message>
        <source>No `spec.zone`: VMs go to us-central1-a unless Harness asks for a zone. Add `zone: [your-zone]` to keep them next to your network.</source>
        <translation>Keine `spec.zone`: VMs landen in us-central1-a, sofern Harness keine Zone verlangt. Fügen Sie `zone: [Ihre-Zone]` hinzu, damit sie bei Ihrem Netzwerk bleiben.</translation>
    </message>
    <message>
        <source>On Linux any `user_data_key` makes the driver store the setup script as windows-startup-script-ps1, so the VM never runs it. Remove the key.</source>
        <translation>Unter Linux lässt jeder `user_data_key` den Treiber das Einrichtungsskript als windows-startup-script-ps1 ablegen, sodass die VM es nie ausführt. Entfernen Sie den Schlüssel.</translation>
    </message>
    <message>
        <source>Remove user_data_key</source>
        <translation>user_data_key entfernen</translation>
    </message>
    <message>
        <source>The runner reads `user_data_path` inside its container and exits if it cannot; only %1 is mounted there. Put the file in %1 and use an absolute path.</source>
        <translation>Der Runner liest `user_data_path` in seinem Container und beendet sich, wenn das nicht geht; dort ist nur %1 eingehängt. Legen Sie die Datei in %1 ab und verwenden Sie einen absoluten Pfad.</translation>
    </message>
    <message>
        <source>This `instances` entry is empty; the runner stops at startup (no spec). Remove the dash or fill in the pool.</source>
        <translation>Dieser Eintrag in `instances` ist leer; der Runner bricht beim Start ab (kein spec). Entfernen Sie den Bindestrich oder füllen Sie den Pool aus.</translation>
    </message>
    <message>
        <source>Each `instances` entry must be a mapping with name, type and spec; the runner stops at startup.</source>
        <translation>Jeder Eintrag in `instances` muss eine Zuordnung mit name, type und spec sein; der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>This pool has no `type`; the runner stops at startup with &quot;unknown instance type&quot;. For Gitspaces on GCP add `type: google`.</source>
        <translation>Dieser Pool hat keinen `type`; der Runner bricht beim Start mit „unknown instance type“ ab. Für Gitspaces auf GCP fügen Sie `type: google` hinzu.</translation>
    </message>
    <message>
        <source>`type: %1` parses but the runner then stops with &quot;unknown instance tip %1&quot;. Write `type: %2`.</source>
        <translation>`type: %1` wird gelesen, aber der Runner bricht dann mit „unknown instance tip %1“ ab. Schreiben Sie `type: %2`.</translation>
    </message>
    <message>
        <source>Unknown pool type `%1`; the runner stops at startup. It knows amazon, anka, ankabuild, azure, digitalocean, google, nomad, noop and vmfusion (types are case-sensitive).</source>
        <translation>Unbekannter Pool-Typ `%1`; der Runner bricht beim Start ab. Er kennt amazon, anka, ankabuild, azure, digitalocean, google, nomad, noop und vmfusion (Typen unterscheiden Groß- und Kleinschreibung).</translation>
    </message>
    <message>
        <source> Did you mean `%1`?</source>
        <translation> Meinten Sie `%1`?</translation>
    </message>
    <message>
        <source>This pool has no `spec` key; the runner stops at startup with &quot;unexpected end of JSON input&quot;. Add `spec:` with the driver settings (`spec: {}` for all defaults).</source>
        <translation>Dieser Pool hat keinen Schlüssel `spec`; der Runner bricht beim Start mit „unexpected end of JSON input“ ab. Fügen Sie `spec:` mit den Treibereinstellungen hinzu (`spec: {}` für alle Standardwerte).</translation>
    </message>
    <message>
        <source>This pool has no `name`; the runner stops at startup with &quot;pool must have a name&quot;. Add a name such as `name: gitspaces-us-west1`.</source>
        <translation>Dieser Pool hat keinen `name`; der Runner bricht beim Start mit „pool must have a name“ ab. Fügen Sie einen Namen hinzu, etwa `name: gitspaces-us-west1`.</translation>
    </message>
    <message>
        <source>Pool name `%1` is already used on line %2; the runner stops at startup with &quot;pool already defined&quot;. Give each pool its own name.</source>
        <translation>Der Pool-Name `%1` ist schon in Zeile %2 vergeben; der Runner bricht beim Start mit „pool already defined“ ab. Geben Sie jedem Pool einen eigenen Namen.</translation>
    </message>
    <message>
        <source>GCP refuses `%1` as a label and in VM names: use lowercase letters, digits and hyphens, start with a letter, at most 63 characters. VM creation fails otherwise.</source>
        <translation>GCP lehnt `%1` als Label und in VM-Namen ab: Verwenden Sie Kleinbuchstaben, Ziffern und Bindestriche, beginnen Sie mit einem Buchstaben, höchstens 63 Zeichen. Sonst schlägt das Anlegen der VM fehl.</translation>
    </message>
    <message>
        <source>`pool: %1` is treated as 0 (no warm VMs). Write 0.</source>
        <translation>`pool: %1` wird als 0 behandelt (keine vorgewärmten VMs). Schreiben Sie 0.</translation>
    </message>
    <message>
        <source>Set pool to 0</source>
        <translation>Pool auf 0 setzen</translation>
    </message>
    <message>
        <source>`limit: %1` means the default, 100 VMs.</source>
        <translation>`limit: %1` bedeutet den Standardwert, 100 VMs.</translation>
    </message>
    <message>
        <source>`pool: %1` is more than `limit: %2`; the runner silently raises the limit to %1. Lower `pool` or raise `limit`.</source>
        <translation>`pool: %1` ist größer als `limit: %2`; der Runner erhöht das Limit stillschweigend auf %1. Senken Sie `pool` oder erhöhen Sie `limit`.</translation>
    </message>
    <message>
        <source>Set limit to %1</source>
        <translation>Limit auf %1 setzen</translation>
    </message>
    <message>
        <source>`spec` is empty: the google driver needs `account.project_id` and the runner stops at startup without it.</source>
        <translation>`spec` ist leer: Der Treiber google braucht `account.project_id`, und der Runner bricht ohne sie beim Start ab.</translation>
    </message>
    <message>
        <source>Gitspaces run only on google, amazon and nomad pools; Harness cannot start a Gitspace on this %1 pool.</source>
        <translation>Gitspaces laufen nur auf Pools vom Typ google, amazon und nomad; Harness kann auf diesem %1-Pool keinen Gitspace starten.</translation>
    </message>
    <message>
        <source>%1 CPU, %2 GB</source>
        <translation>%1 CPU, %2 GB</translation>
    </message>
    <message>
        <source>The file is %1 MiB; a pool file is a few KiB. Is this the right file? (Files over %2 MiB are not checked.)</source>
        <translation>Die Datei hat %1 MiB; eine Pool-Datei hat wenige KiB. Ist das die richtige Datei? (Dateien über %2 MiB werden nicht geprüft.)</translation>
    </message>
    <message>
        <source>The file contains NUL bytes: it is binary, not a YAML pool file. Open the pool.yaml Terraform wrote.</source>
        <translation>Die Datei enthält NUL-Bytes: Sie ist binär, keine YAML-Pool-Datei. Öffnen Sie die pool.yaml, die Terraform geschrieben hat.</translation>
    </message>
    <message>
        <source>Invalid UTF-8 here; the runner refuses the file. Save it as UTF-8.</source>
        <translation>Hier ist ungültiges UTF-8; der Runner lehnt die Datei ab. Speichern Sie sie als UTF-8.</translation>
    </message>
    <message>
        <source>A control character is not allowed in YAML; the runner refuses the file. Remove it.</source>
        <translation>Ein Steuerzeichen ist in YAML nicht erlaubt; der Runner lehnt die Datei ab. Entfernen Sie es.</translation>
    </message>
    <message>
        <source>Values nest more than %1 levels deep here; a pool file needs fewer than 10. The file is not checked further.</source>
        <translation>Die Werte sind hier mehr als %1 Ebenen tief verschachtelt; eine Pool-Datei braucht weniger als 10. Die Datei wird nicht weiter geprüft.</translation>
    </message>
    <message>
        <source>YAML syntax error: %1.</source>
        <translation>YAML-Syntaxfehler: %1.</translation>
    </message>
    <message>
        <source> The runner cannot read the file.</source>
        <translation> Der Runner kann die Datei nicht lesen.</translation>
    </message>
    <message>
        <source> (In a later document, which the runner does not read.)</source>
        <translation> (In einem späteren Dokument, das der Runner nicht liest.)</translation>
    </message>
    <message>
        <source>This alias refers to the node that contains it; the runner refuses the file. Write the value out.</source>
        <translation>Dieser Alias verweist auf den Knoten, der ihn enthält; der Runner lehnt die Datei ab. Schreiben Sie den Wert aus.</translation>
    </message>
    <message>
        <source>The file has more than one YAML document (---); the runner reads only the first. Move all pools into the first document.</source>
        <translation>Die Datei hat mehr als ein YAML-Dokument (---); der Runner liest nur das erste. Verschieben Sie alle Pools in das erste Dokument.</translation>
    </message>
    <message>
        <source>The file is empty: the runner starts with no pools and Gitspaces cannot run. Use the pool.yaml Terraform generated.</source>
        <translation>Die Datei ist leer: Der Runner startet ohne Pools, und Gitspaces können nicht laufen. Verwenden Sie die pool.yaml, die Terraform erzeugt hat.</translation>
    </message>
    <message>
        <source>A pool file is a mapping with `version` and `instances`; this is a %1. The runner stops at startup.</source>
        <translation>Eine Pool-Datei ist eine Zuordnung mit `version` und `instances`; dies ist ein(e) %1. Der Runner bricht beim Start ab.</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>single value</source>
        <translation>einzelner Wert</translation>
    </message>
    <message>
        <source>No pools under `instances`: the runner starts with no pools and Gitspaces cannot run. Add the pools Terraform generated.</source>
        <translation>Keine Pools unter `instances`: Der Runner startet ohne Pools, und Gitspaces können nicht laufen. Fügen Sie die Pools hinzu, die Terraform erzeugt hat.</translation>
    </message>
    <message>
        <source>The driver strips a leading projects/ only from projects/PROJECT/global/images/NAME; this family path keeps it and becomes …/compute/v1/projects/%1, which GCP rejects when VMs are created. Drop the leading projects/: %2.</source>
        <translation>Der Treiber entfernt ein führendes projects/ nur bei projects/PROJECT/global/images/NAME; dieser Familienpfad behält es und wird zu …/compute/v1/projects/%1, was GCP beim Anlegen von VMs ablehnt. Entfernen Sie das führende projects/: %2.</translation>
    </message>
    <message>
        <source>`image` names the image family %1 of project %2: each new VM starts from the family&apos;s newest image, so new images arrive without a change to pool.yaml. Pin an image (%2/global/images/NAME) for reproducible VMs.</source>
        <translation>`image` nennt die Image-Familie %1 des Projekts %2: Jede neue VM startet mit dem neuesten Image der Familie, daher kommen neue Images ohne Änderung an pool.yaml an. Legen Sie ein Image fest (%2/global/images/NAME), um reproduzierbare VMs zu erhalten.</translation>
    </message>
    <message>
        <source>The driver turns `image: %1` into …/compute/v1/projects/%2, which GCP rejects when VMs are created. Use projects/PROJECT/global/images/NAME.</source>
        <translation>Der Treiber macht aus `image: %1` …/compute/v1/projects/%2, was GCP beim Anlegen von VMs ablehnt. Verwenden Sie projects/PROJECT/global/images/NAME.</translation>
    </message>
    <message>
        <source>the google driver uses only `spec.scopes`; move the list there</source>
        <translation>der google-Treiber liest nur `spec.scopes`; verschieben Sie die Liste dorthin</translation>
    </message>
    <message>
        <source>the google driver does not use disk tags</source>
        <translation>der google-Treiber verwendet keine Disk-Tags</translation>
    </message>
    <message>
        <source>the google driver does not use disk iops</source>
        <translation>der google-Treiber verwendet keine Disk-IOPS</translation>
    </message>
    <message>
        <source>the google driver does not use kms_key_id</source>
        <translation>der google-Treiber verwendet kms_key_id nicht</translation>
    </message>
    <message>
        <source>the google driver reads only `machine_type`</source>
        <translation>der google-Treiber liest nur `machine_type`</translation>
    </message>
    <message>
        <source>use `networks:` entries instead</source>
        <translation>verwenden Sie stattdessen Einträge unter `networks:`</translation>
    </message>
    <message>
        <source>VM labels are always {&lt;pool name&gt;: &lt;pool name&gt;}; these are not applied</source>
        <translation>VM-Labels sind immer {&lt;Pool-Name&gt;: &lt;Pool-Name&gt;}; diese werden nicht gesetzt</translation>
    </message>
    <message>
        <source>the pool&apos;s name is the instance-level `name`</source>
        <translation>der Name des Pools ist das `name` der Instanz</translation>
    </message>
    <message>
        <source>use `network.zone_details` instead</source>
        <translation>verwenden Sie stattdessen `network.zone_details`</translation>
    </message>
    <message>
        <source>use `zone_details` instead</source>
        <translation>verwenden Sie stattdessen `zone_details`</translation>
    </message>
</context>
<context>
    <name>gs::remote</name>
    <message>
        <source>gcloud was not asked</source>
        <translation>gcloud wurde nicht gefragt</translation>
    </message>
</context>
<context>
    <name>gs::remote::ConnectOptions</name>
    <message>
        <source>The gcloud command cannot be used: %1</source>
        <translation>Der gcloud-Befehl kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>from --ssh-key-file</source>
        <translation>aus --ssh-key-file</translation>
    </message>
    <message>
        <source>from the answers</source>
        <translation>aus den Antworten</translation>
    </message>
    <message>
        <source>gcloud&apos;s key</source>
        <translation>Schlüssel von gcloud</translation>
    </message>
    <message>
        <source>named in the command</source>
        <translation>im Befehl angegeben</translation>
    </message>
    <message>
        <source>the local user name, as gcloud takes it</source>
        <translation>der lokale Benutzername, wie gcloud ihn übernimmt</translation>
    </message>
    <message>
        <source>from the account %1: gcloud does not use the local user name “%2”</source>
        <translation>aus dem Konto %1: gcloud verwendet den lokalen Benutzernamen „%2“ nicht</translation>
    </message>
    <message>
        <source>the local user name</source>
        <translation>der lokale Benutzername</translation>
    </message>
    <message>
        <source>gcloud does not use the local user name “%1” (not ASCII, or a space) but your account&apos;s name, which is not known here.</source>
        <translation>gcloud verwendet nicht den lokalen Benutzernamen „%1“ (kein ASCII oder ein Leerzeichen), sondern den Namen Ihres Kontos, der hier nicht bekannt ist.</translation>
    </message>
    <message>
        <source>gcloud could not be asked whether OS Login is on (%1). Logging in as %2, as gcloud does without OS Login.</source>
        <translation>gcloud konnte nicht gefragt werden, ob OS Login aktiv ist (%1). Anmeldung als %2, wie gcloud es ohne OS Login tut.</translation>
    </message>
    <message>
        <source>; OS Login is on</source>
        <translation>; OS Login ist aktiv</translation>
    </message>
    <message>
        <source>OS Login is on, but your OS Login profile could not be read (%1). Trying %2.</source>
        <translation>OS Login ist aktiv, aber Ihr Profil in OS Login konnte nicht gelesen werden (%1). Versuche %2.</translation>
    </message>
    <message>
        <source>OS Login is on, but your Google account has no OS Login user yet. Run the gcloud command once in a terminal: it creates the user and registers your key. Trying %1.</source>
        <translation>OS Login ist aktiv, aber Ihr Google-Konto hat noch keinen Benutzer in OS Login. Führen Sie den gcloud-Befehl einmal in einem Terminal aus: Er legt den Benutzer an und registriert Ihren Schlüssel. Versuche %1.</translation>
    </message>
    <message>
        <source>; your OS Login user</source>
        <translation>; Ihr Benutzer in OS Login</translation>
    </message>
    <message>
        <source>your OS Login user</source>
        <translation>Ihr Benutzer in OS Login</translation>
    </message>
    <message>
        <source>your OS Login user, instead of the requested %1, as gcloud does</source>
        <translation>Ihr Benutzer in OS Login statt des angeforderten %1, wie bei gcloud</translation>
    </message>
    <message>
        <source>The key %1 is not in your OS Login profile yet, so the VM will refuse it. Run the gcloud command once in a terminal, or: gcloud compute os-login ssh-keys add --key-file %1.pub</source>
        <translation>Der Schlüssel %1 ist noch nicht in Ihrem Profil in OS Login, daher wird die VM ihn ablehnen. Führen Sie den gcloud-Befehl einmal in einem Terminal aus, oder: gcloud compute os-login ssh-keys add --key-file %1.pub</translation>
    </message>
    <message>
        <source>; whether OS Login is on is not known</source>
        <translation>; ob OS Login aktiv ist, ist unbekannt</translation>
    </message>
    <message>
        <source>Whether OS Login is on could not be read from the project (%1); assuming it is off.</source>
        <translation>Ob OS Login aktiv ist, konnte nicht aus dem Projekt gelesen werden (%1); es wird als inaktiv angenommen.</translation>
    </message>
    <message>
        <source>; OS Login is off</source>
        <translation>; OS Login ist inaktiv</translation>
    </message>
    <message>
        <source>Route: through IAP (gcloud compute start-iap-tunnel).</source>
        <translation>Route: über IAP (gcloud compute start-iap-tunnel).</translation>
    </message>
    <message>
        <source>Route: the internal address %1 (--internal-ip).</source>
        <translation>Route: die interne Adresse %1 (--internal-ip).</translation>
    </message>
    <message>
        <source>gcloud reports no internal address for %1.</source>
        <translation>gcloud meldet keine interne Adresse für %1.</translation>
    </message>
    <message>
        <source>The internal address of %1 could not be found: %2</source>
        <translation>Die interne Adresse von %1 konnte nicht ermittelt werden: %2</translation>
    </message>
    <message>
        <source>Route: the external address %1 (the command has no --tunnel-through-iap).</source>
        <translation>Route: die externe Adresse %1 (der Befehl hat kein --tunnel-through-iap).</translation>
    </message>
    <message>
        <source>%1 has no external IP address, so it cannot be reached without IAP. Add --tunnel-through-iap to the gcloud command: the runner VM that Terraform creates has no external address, and SSH reaches it only through IAP.</source>
        <translation>%1 hat keine externe IP-Adresse und ist daher ohne IAP nicht erreichbar. Fügen Sie dem gcloud-Befehl --tunnel-through-iap hinzu: Die Runner-VM, die Terraform anlegt, hat keine externe Adresse, und SSH erreicht sie nur über IAP.</translation>
    </message>
    <message>
        <source>The external address of %1 could not be found: %2
Without --tunnel-through-iap the connection goes to the VM&apos;s external address, which gcloud has to tell. Make gcloud work here, or add --tunnel-through-iap to the command (the runner VM that Terraform creates has no external address).</source>
        <translation>Die externe Adresse von %1 konnte nicht ermittelt werden: %2
Ohne --tunnel-through-iap geht die Verbindung an die externe Adresse der VM, die gcloud liefern muss. Bringen Sie gcloud hier zum Laufen, oder fügen Sie dem Befehl --tunnel-through-iap hinzu (die Runner-VM, die Terraform anlegt, hat keine externe Adresse).</translation>
    </message>
    <message>
        <source>User: %1 (%2).</source>
        <translation>Benutzer: %1 (%2).</translation>
    </message>
    <message>
        <source>Key: %1 (%2).</source>
        <translation>Schlüssel: %1 (%2).</translation>
    </message>
    <message>
        <source>%1 does not exist yet. Run the gcloud command once in a terminal: it creates the key and publishes it.</source>
        <translation>%1 existiert noch nicht. Führen Sie den gcloud-Befehl einmal in einem Terminal aus: Er legt den Schlüssel an und veröffentlicht ihn.</translation>
    </message>
    <message>
        <source>The key %1 does not exist, so there is nothing to log in with.</source>
        <translation>Der Schlüssel %1 existiert nicht, es gibt also nichts, womit Sie sich anmelden könnten.</translation>
    </message>
    <message>
        <source>The VM did not accept the key %1 for %2: the key is not published for that user.</source>
        <translation>Die VM hat den Schlüssel %1 für %2 nicht akzeptiert: Der Schlüssel ist für diesen Benutzer nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>Any one of these publishes it; then connect again:</source>
        <translation>Jeder dieser Wege veröffentlicht ihn; verbinden Sie sich danach erneut:</translation>
    </message>
    <message>
        <source>• Run the gcloud command once in a terminal. It creates the key if needed and publishes it:
  %1</source>
        <translation>• Führen Sie den gcloud-Befehl einmal in einem Terminal aus. Er legt den Schlüssel bei Bedarf an und veröffentlicht ihn:
  %1</translation>
    </message>
    <message>
        <source>• OS Login%1: gcloud compute os-login ssh-keys add --key-file %2.pub</source>
        <translation>• OS Login%1: gcloud compute os-login ssh-keys add --key-file %2.pub</translation>
    </message>
    <message>
        <source> (on for this VM)</source>
        <translation> (für diese VM aktiv)</translation>
    </message>
    <message>
        <source>• Metadata SSH keys%1: in the Cloud Console, Compute Engine → Metadata → SSH keys (or the VM&apos;s own SSH keys), add the contents of %2.pub with its last word (the comment) changed to %3: the Console takes the user name from it.</source>
        <translation>• SSH-Schlüssel in den Metadaten%1: Fügen Sie in der Cloud Console unter Compute Engine → Metadata → SSH keys (oder bei den eigenen SSH-Schlüsseln der VM) den Inhalt von %2.pub hinzu und ändern Sie dabei das letzte Wort (den Kommentar) in %3: Die Console entnimmt ihm den Benutzernamen.</translation>
    </message>
    <message>
        <source> (OS Login is off for this VM)</source>
        <translation> (OS Login ist für diese VM inaktiv)</translation>
    </message>
</context>
<context>
    <name>gs::remote::GcloudLookupJob</name>
    <message>
        <source>gcloud did not answer within %1 seconds.</source>
        <translation>gcloud hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The gcloud CLI is not installed or not on PATH.</source>
        <translation>Die gcloud-CLI ist nicht installiert oder nicht im PATH.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>gcloud could not be started: %1</source>
        <translation>gcloud konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>gcloud ended with exit code %1.</source>
        <translation>gcloud wurde mit Exit-Code %1 beendet.</translation>
    </message>
    <message>
        <source>gcloud crashed.</source>
        <translation>gcloud ist abgestürzt.</translation>
    </message>
    <message>
        <source>Asking gcloud about the instance %1…</source>
        <translation>Frage gcloud nach der Instanz %1 …</translation>
    </message>
    <message>
        <source>gcloud&apos;s description of the instance is not JSON.</source>
        <translation>Die Instanzbeschreibung von gcloud ist kein JSON.</translation>
    </message>
    <message>
        <source>Asking gcloud whether OS Login is on for the project…</source>
        <translation>Frage gcloud, ob OS Login für das Projekt aktiv ist …</translation>
    </message>
    <message>
        <source>gcloud&apos;s description of the project is not JSON.</source>
        <translation>Die Projektbeschreibung von gcloud ist kein JSON.</translation>
    </message>
    <message>
        <source>Reading your OS Login profile…</source>
        <translation>Lese Ihr Profil in OS Login …</translation>
    </message>
    <message>
        <source>gcloud&apos;s OS Login profile is not JSON.</source>
        <translation>Das von gcloud gelieferte Profil in OS Login ist kein JSON.</translation>
    </message>
</context>
<context>
    <name>gs::remote::KnownHosts</name>
    <message>
        <source>Only a changed host key that was shown to you can be replaced.</source>
        <translation>Nur ein geänderter Host-Schlüssel, der Ihnen angezeigt wurde, kann ersetzt werden.</translation>
    </message>
    <message>
        <source>The new key line does not match the key you were shown.</source>
        <translation>Die neue Schlüsselzeile passt nicht zu dem Schlüssel, der Ihnen angezeigt wurde.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 no longer records %2 for %3; nothing was changed.</source>
        <translation>%1 verzeichnet %2 für %3 nicht mehr; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>gs::remote::SshConfig</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>gs::remote::VmConnection</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
</context>
<context>
    <name>gs::remote::detail::LibSsh</name>
    <message>
        <source>The SSH library (libssh 0.10, libssh.so.4) could not be loaded: %1. Install the libssh-4 package.</source>
        <translation>Die SSH-Bibliothek (libssh 0.10, libssh.so.4) konnte nicht geladen werden: %1. Installieren Sie das Paket libssh-4.</translation>
    </message>
    <message>
        <source>The SSH library %1 lacks functions this program needs (%2). Install libssh 0.10 (the libssh-4 package of Debian 12).</source>
        <translation>Der SSH-Bibliothek %1 fehlen Funktionen, die dieses Programm braucht (%2). Installieren Sie libssh 0.10 (das Paket libssh-4 von Debian 12).</translation>
    </message>
    <message>
        <source>The SSH library %1 is version %2; this program needs libssh 0.10 or newer.</source>
        <translation>Die SSH-Bibliothek %1 hat die Version %2; dieses Programm braucht libssh 0.10 oder neuer.</translation>
    </message>
</context>
<context>
    <name>gs::remote::detail::SshWorker</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No host given.</source>
        <translation>Kein Host angegeben.</translation>
    </message>
    <message>
        <source>Exchanging keys with the server…</source>
        <translation>Tausche Schlüssel mit dem Server aus …</translation>
    </message>
    <message>
        <source>Out of memory.</source>
        <translation>Kein Speicher mehr.</translation>
    </message>
    <message>
        <source>The host name “%1” is not valid.</source>
        <translation>Der Hostname „%1“ ist ungültig.</translation>
    </message>
    <message>
        <source>The user name “%1” is not valid.</source>
        <translation>Der Benutzername „%1“ ist ungültig.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Suche %1 …</translation>
    </message>
    <message>
        <source>The host name “%1” could not be resolved: %2.</source>
        <translation>Der Hostname „%1“ konnte nicht aufgelöst werden: %2.</translation>
    </message>
    <message>
        <source>Connecting to %1 port %2…</source>
        <translation>Verbinde mit %1, Port %2 …</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds. Check that the VM is running and that a firewall lets SSH through.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet. Prüfen Sie, ob die VM läuft und eine Firewall SSH durchlässt.</translation>
    </message>
    <message>
        <source>%1 refused the connection: no SSH server is listening on that port.</source>
        <translation>%1 hat die Verbindung abgelehnt: Auf diesem Port lauscht kein SSH-Server.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2.</source>
        <translation>Keine Verbindung zu %1 möglich: %2.</translation>
    </message>
    <message>
        <source>The gcloud CLI is not installed or not on PATH. The VM has no external address, so SSH reaches it only through gcloud&apos;s IAP tunnel: install the Google Cloud CLI and run “gcloud auth login”.</source>
        <translation>Die gcloud-CLI ist nicht installiert oder nicht im PATH. Die VM hat keine externe Adresse, daher erreicht SSH sie nur über den IAP-Tunnel von gcloud: Installieren Sie die Google Cloud CLI und führen Sie „gcloud auth login“ aus.</translation>
    </message>
    <message>
        <source>Opening the IAP tunnel through gcloud…</source>
        <translation>Öffne den IAP-Tunnel über gcloud …</translation>
    </message>
    <message>
        <source>Starting the proxy command…</source>
        <translation>Starte den Proxy-Befehl …</translation>
    </message>
    <message>
        <source>Could not start the proxy command: %1.</source>
        <translation>Der Proxy-Befehl konnte nicht gestartet werden: %1.</translation>
    </message>
    <message>
        <source>gcloud could not be started: %1</source>
        <translation>gcloud konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The IAP tunnel failed. gcloud said:
%1
Check that you are logged in (gcloud auth login), that the instance, zone and project are right, and that a firewall rule allows IAP (35.235.240.0/20) to port 22.</source>
        <translation>Der IAP-Tunnel ist fehlgeschlagen. gcloud meldete:
%1
Prüfen Sie, ob Sie angemeldet sind (gcloud auth login), ob Instanz, Zone und Projekt stimmen und ob eine Firewall-Regel IAP (35.235.240.0/20) auf Port 22 zulässt.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
    <message>
        <source>The proxy command failed%1:
%2</source>
        <translation>Der Proxy-Befehl ist fehlgeschlagen%1:
%2</translation>
    </message>
    <message>
        <source> (exit code %1)</source>
        <translation> (Exit-Code %1)</translation>
    </message>
    <message>
        <source>(it printed nothing)</source>
        <translation>(keine Ausgabe)</translation>
    </message>
    <message>
        <source>The server accepted the connection but did not complete the SSH handshake within %1 seconds. Is this port really an SSH server?</source>
        <translation>Der Server hat die Verbindung angenommen, aber den SSH-Handshake nicht innerhalb von %1 Sekunden abgeschlossen. Ist auf diesem Port wirklich ein SSH-Server?</translation>
    </message>
    <message>
        <source>The server closed the connection during the handshake: %1</source>
        <translation>Der Server hat die Verbindung beim Handshake geschlossen: %1</translation>
    </message>
    <message>
        <source>The SSH handshake failed: %1</source>
        <translation>Der SSH-Handshake ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Checking the host key…</source>
        <translation>Prüfe den Host-Schlüssel …</translation>
    </message>
    <message>
        <source>The server sent no host key: %1</source>
        <translation>Der Server hat keinen Host-Schlüssel gesendet: %1</translation>
    </message>
    <message>
        <source>The host key of %1 is %2 %3, not the pinned %4. Connection stopped.</source>
        <translation>Der Host-Schlüssel von %1 ist %2 %3, nicht der festgelegte %4. Verbindung gestoppt.</translation>
    </message>
    <message>
        <source>THE HOST KEY OF %1 HAS CHANGED.
Recorded in %2: %3 %4
Offered now: %5 %6
This happens when the VM was rebuilt or its address was reused by another machine, but it can also mean that someone is intercepting the connection. The connection was stopped before any credential was sent. If you know why the key changed, replace the recorded key explicitly.</source>
        <translation>DER HOST-SCHLÜSSEL VON %1 HAT SICH GEÄNDERT.
Gespeichert in %2: %3 %4
Jetzt angeboten: %5 %6
Das passiert, wenn die VM neu aufgebaut oder ihre Adresse von einer anderen Maschine übernommen wurde, kann aber auch bedeuten, dass jemand die Verbindung abfängt. Die Verbindung wurde gestoppt, bevor Zugangsdaten gesendet wurden. Wenn Sie wissen, warum sich der Schlüssel geändert hat, ersetzen Sie den gespeicherten Schlüssel ausdrücklich.</translation>
    </message>
    <message>
        <source>(unreadable entry)</source>
        <translation>(unlesbarer Eintrag)</translation>
    </message>
    <message>
        <source>The host key of %1 is not known (%2 %3) and there is no one to ask. Pin it with --host-key-fingerprint %3 after checking it on the VM (ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub).</source>
        <translation>Der Host-Schlüssel von %1 ist nicht bekannt (%2 %3), und es gibt niemanden, den man fragen könnte. Legen Sie ihn mit --host-key-fingerprint %3 fest, nachdem Sie ihn auf der VM geprüft haben (ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub).</translation>
    </message>
    <message>
        <source>Could not check the host key: %1</source>
        <translation>Der Host-Schlüssel konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>You rejected the host key %1. Nothing was sent to the server.</source>
        <translation>Sie haben den Host-Schlüssel %1 abgelehnt. Nichts wurde an den Server gesendet.</translation>
    </message>
    <message>
        <source>Could not write the host key to %1: %2</source>
        <translation>Der Host-Schlüssel konnte nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Authenticating as %1…</source>
        <translation>Authentifiziere als %1 …</translation>
    </message>
    <message>
        <source>The connection failed during authentication: %1</source>
        <translation>Die Verbindung ist bei der Authentifizierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>ssh-agent: not running (SSH_AUTH_SOCK is not set).</source>
        <translation>ssh-agent: läuft nicht (SSH_AUTH_SOCK ist nicht gesetzt).</translation>
    </message>
    <message>
        <source>ssh-agent: accepted.</source>
        <translation>ssh-agent: akzeptiert.</translation>
    </message>
    <message>
        <source>ssh-agent: the server accepted none of its keys.</source>
        <translation>ssh-agent: Der Server hat keinen seiner Schlüssel akzeptiert.</translation>
    </message>
    <message>
        <source>The server closed the connection during authentication: %1</source>
        <translation>Der Server hat die Verbindung bei der Authentifizierung geschlossen: %1</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
    <message>
        <source>password: rejected by the server.</source>
        <translation>Passwort: vom Server abgelehnt.</translation>
    </message>
    <message>
        <source>keyboard-interactive: the server refused the answers.</source>
        <translation>keyboard-interactive: Der Server hat die Antworten abgelehnt.</translation>
    </message>
    <message>
        <source>The passphrase of the key is wrong.</source>
        <translation>Die Passphrase des Schlüssels ist falsch.</translation>
    </message>
    <message>
        <source>The server rejected the password.</source>
        <translation>Der Server hat das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The server did not accept the key. Add its public half to ~/.ssh/authorized_keys of %1 on the VM.</source>
        <translation>Der Server hat den Schlüssel nicht akzeptiert. Fügen Sie seinen öffentlichen Teil in ~/.ssh/authorized_keys von %1 auf der VM ein.</translation>
    </message>
    <message>
        <source>The key file could not be read.</source>
        <translation>Die Schlüsseldatei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No way to log in was accepted by the server.</source>
        <translation>Der Server hat keine Anmeldemethode akzeptiert.</translation>
    </message>
    <message>
        <source>key %1: file not found.</source>
        <translation>Schlüssel %1: Datei nicht gefunden.</translation>
    </message>
    <message>
        <source>key %1: not accepted by the server.</source>
        <translation>Schlüssel %1: vom Server nicht akzeptiert.</translation>
    </message>
    <message>
        <source>key %1: cannot be read (missing or no permission).</source>
        <translation>Schlüssel %1: kann nicht gelesen werden (fehlt oder keine Berechtigung).</translation>
    </message>
    <message>
        <source>key %1: not a key libssh can use.</source>
        <translation>Schlüssel %1: kein Schlüssel, den libssh verwenden kann.</translation>
    </message>
    <message>
        <source>Passphrase for %1:</source>
        <translation>Passphrase für %1:</translation>
    </message>
    <message>
        <source>key %1: wrong passphrase.</source>
        <translation>Schlüssel %1: falsche Passphrase.</translation>
    </message>
    <message>
        <source>key %1: encrypted, and no passphrase was given.</source>
        <translation>Schlüssel %1: verschlüsselt, und keine Passphrase wurde angegeben.</translation>
    </message>
    <message>
        <source>key %1: signature not accepted by the server.</source>
        <translation>Schlüssel %1: Signatur vom Server nicht akzeptiert.</translation>
    </message>
    <message>
        <source>key %1: no passphrase given.</source>
        <translation>Schlüssel %1: keine Passphrase angegeben.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Mit %1 verbunden.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (no answer to keepalives).</source>
        <translation>Die Verbindung zu %1 ist abgerissen (keine Antwort auf Keepalives).</translation>
    </message>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Abgebrochen, bevor es begann.</translation>
    </message>
    <message>
        <source>Not connected: “%1” was not run.</source>
        <translation>Nicht verbunden: „%1“ wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>The connection was lost before “%1” could start: %2</source>
        <translation>Die Verbindung ist abgerissen, bevor „%1“ starten konnte: %2</translation>
    </message>
    <message>
        <source>Could not start “%1”: %2</source>
        <translation>„%1“ konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while “%2” was running (%3 bytes of output received). It may or may not have completed on the VM.</source>
        <translation>Die Verbindung zu %1 ist abgerissen, während „%2“ lief (%3 Bytes Ausgabe empfangen). Es kann auf der VM fertig geworden sein oder nicht.</translation>
    </message>
    <message>
        <source>“%1” was cancelled; the connection, which was not answering, was closed.</source>
        <translation>„%1“ wurde abgebrochen; die Verbindung, die nicht antwortete, wurde geschlossen.</translation>
    </message>
    <message>
        <source>“%1” was cancelled.</source>
        <translation>„%1“ wurde abgebrochen.</translation>
    </message>
    <message>
        <source>“%1” ended without an exit status.</source>
        <translation>„%1“ endete ohne Exit-Status.</translation>
    </message>
    <message>
        <source>Not connected: %1 was not uploaded.</source>
        <translation>Nicht verbunden: %1 wurde nicht hochgeladen.</translation>
    </message>
    <message>
        <source>“%1” is not a file path.</source>
        <translation>„%1“ ist kein Dateipfad.</translation>
    </message>
    <message>
        <source>The connection was lost before %1 was uploaded.</source>
        <translation>Die Verbindung ist abgerissen, bevor %1 hochgeladen wurde.</translation>
    </message>
    <message>
        <source>The server offers no SFTP: %1</source>
        <translation>Der Server bietet kein SFTP: %1</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>no such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>the server reported a failure (often a full disk or quota)</source>
        <translation>der Server hat einen Fehler gemeldet (oft eine volle Festplatte oder ein Kontingent)</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>das Dateisystem ist schreibgeschützt</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>The connection was lost while uploading %1; nothing was put in place.</source>
        <translation>Die Verbindung ist beim Hochladen von %1 abgerissen; nichts wurde an seinen Platz gelegt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2 is not a folder.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden: %2 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Upload of %1 cancelled; nothing was changed.</source>
        <translation>Hochladen von %1 abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Writing %1 failed; nothing was changed</source>
        <translation>Schreiben von %1 fehlgeschlagen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>Could not move %1 into place: %2</source>
        <translation>%1 konnte nicht an seinen Platz verschoben werden: %2</translation>
    </message>
    <message>
        <source>The server&apos;s host key could not be read: %1</source>
        <translation>Der Host-Schlüssel des Servers konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not set the permissions of %1; nothing was changed</source>
        <translation>Die Berechtigungen von %1 konnten nicht gesetzt werden; nichts wurde geändert</translation>
    </message>
</context>
<context>
    <name>gs::steps</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No pool file is set: choose the pool.yaml Terraform generated.</source>
        <translation>Keine Pool-Datei gesetzt: Wählen Sie die pool.yaml, die Terraform erzeugt hat.</translation>
    </message>
    <message>
        <source>pool.yaml expects the service-account key at %1 (json_path), but no key file is given and none was found next to pool.yaml. Unless %2 is already on the VM (owned by root, mode 0600), the runner cannot create VMs (&quot;could not find default credentials&quot; or &quot;no such file&quot;): choose the key file to upload it.</source>
        <translation>pool.yaml erwartet den Dienstkonto-Schlüssel unter %1 (json_path), aber es ist keine Schlüsseldatei angegeben, und neben pool.yaml wurde auch keine gefunden. Sofern %2 nicht schon auf der VM liegt (Eigentümer root, Modus 0600), kann der Runner keine VMs anlegen („could not find default credentials“ oder „no such file“): Wählen Sie die Schlüsseldatei, um sie hochzuladen.</translation>
    </message>
    <message>
        <source>%1 is not on the VM, and pool.yaml&apos;s json_path names it as %2: the runner cannot create VMs (&quot;could not find default credentials&quot; or &quot;no such file&quot;). Choose the key file on the VM Runner page and run again, or copy it there (owner root, mode 0600).</source>
        <translation>%1 liegt nicht auf der VM, und json_path in pool.yaml verweist darauf als %2: Der Runner kann keine VMs anlegen („could not find default credentials“ oder „no such file“). Wählen Sie die Schlüsseldatei auf der Seite VM-Runner und führen Sie es erneut aus, oder kopieren Sie sie dorthin (Eigentümer root, Modus 0600).</translation>
    </message>
    <message>
        <source>%1 is there but not readable by root only (mode %2, owner %3): anyone who can read it can act as the service account. Run &quot;sudo chown root %1 &amp;&amp; sudo chmod 600 %1&quot;.</source>
        <translation>%1 ist vorhanden, aber nicht nur für root lesbar (Modus %2, Eigentümer %3): Wer die Datei lesen kann, kann als das Dienstkonto auftreten. Führen Sie „sudo chown root %1 &amp;&amp; sudo chmod 600 %1“ aus.</translation>
    </message>
</context>
<context>
    <name>gs::steps::ContainerDrift</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>restart policy</source>
        <translation>Neustart-Richtlinie</translation>
    </message>
    <message>
        <source>published port</source>
        <translation>veröffentlichter Port</translation>
    </message>
    <message>
        <source>mounted folder</source>
        <translation>eingehängter Ordner</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>the delegate token differs</source>
        <translation>das Delegate-Token ist ein anderes</translation>
    </message>
</context>
<context>
    <name>gs::steps::ContainerScan</name>
    <message>
        <source>it is not on the harness network, where the delegate looks for it</source>
        <translation>es ist nicht im Netzwerk harness, in dem der Delegate es sucht</translation>
    </message>
    <message>
        <source>it does not publish port 3000</source>
        <translation>es veröffentlicht Port 3000 nicht</translation>
    </message>
    <message>
        <source>it does not mount %1 at /runner</source>
        <translation>es hängt %1 nicht unter /runner ein</translation>
    </message>
    <message>
        <source>it reads no pool file</source>
        <translation>es liest keine Pool-Datei</translation>
    </message>
    <message>
        <source>it reads %1, not the %2 this setup writes</source>
        <translation>es liest %1, nicht die %2, die diese Einrichtung schreibt</translation>
    </message>
    <message>
        <source>it has no RUNNER_URL, so it cannot reach the runner</source>
        <translation>es hat kein RUNNER_URL und kann den Runner daher nicht erreichen</translation>
    </message>
    <message>
        <source>its RUNNER_URL is %1, not %2</source>
        <translation>sein RUNNER_URL ist %1, nicht %2</translation>
    </message>
    <message>
        <source>it connects to %1, not %2</source>
        <translation>es verbindet sich mit %1, nicht mit %2</translation>
    </message>
    <message>
        <source>no manager</source>
        <translation>keinem Manager</translation>
    </message>
    <message>
        <source>its tags are &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>seine Tags sind „%1“, nicht „%2“</translation>
    </message>
    <message>
        <source>it is not on the harness network, so it cannot reach vm-runner</source>
        <translation>es ist nicht im Netzwerk harness und kann vm-runner daher nicht erreichen</translation>
    </message>
</context>
<context>
    <name>gs::steps::DelegateStep</name>
    <message>
        <source>No delegate token. Enter it on the Delegate page (it is kept in the keychain), or for the command line set GITSPACES_DELEGATE_TOKEN or use --token-stdin.</source>
        <translation>Kein Delegate-Token. Geben Sie es auf der Seite Delegate ein (es wird im Schlüsselbund aufbewahrt), oder setzen Sie für die Kommandozeile GITSPACES_DELEGATE_TOKEN bzw. verwenden Sie --token-stdin.</translation>
    </message>
    <message>
        <source>Reconnecting so the docker group applies…</source>
        <translation>Verbinde neu, damit die Gruppe docker gilt …</translation>
    </message>
    <message>
        <source>Docker cannot be used by %1; run the preflight checks for what to do.</source>
        <translation>%1 kann Docker nicht verwenden; führen Sie die Vorabprüfungen aus, um zu sehen, was zu tun ist.</translation>
    </message>
    <message>
        <source>Inspecting the VM</source>
        <translation>Untersuche die VM</translation>
    </message>
    <message>
        <source>A delegate container (%1) already exists. Keep it or replace it?</source>
        <translation>Ein Delegate-Container (%1) existiert bereits. Behalten oder ersetzen?</translation>
    </message>
    <message>
        <source>Delegate container %1 (kept)</source>
        <translation>Delegate-Container %1 (behalten)</translation>
    </message>
    <message>
        <source>Starting the kept delegate</source>
        <translation>Starte den behaltenen Delegate</translation>
    </message>
    <message>
        <source>Started the kept delegate container</source>
        <translation>Den behaltenen Delegate-Container gestartet</translation>
    </message>
    <message>
        <source>Starting the delegate</source>
        <translation>Starte den Delegate</translation>
    </message>
    <message>
        <source>Replaced the delegate container %1</source>
        <translation>Delegate-Container %1 ersetzt</translation>
    </message>
    <message>
        <source>Started the delegate container %1</source>
        <translation>Delegate-Container %1 gestartet</translation>
    </message>
    <message>
        <source>Removing the old delegate</source>
        <translation>Entferne den alten Delegate</translation>
    </message>
    <message>
        <source>Waiting for the delegate to register with the manager and report healthy…</source>
        <translation>Warte, bis sich der Delegate beim Manager registriert und als gesund meldet …</translation>
    </message>
    <message>
        <source>The delegate cannot work:</source>
        <translation>Der Delegate kann nicht arbeiten:</translation>
    </message>
    <message>
        <source>The delegate image has no health check; registration alone was verified.</source>
        <translation>Das Delegate-Image hat keine Zustandsprüfung; nur die Registrierung wurde geprüft.</translation>
    </message>
    <message>
        <source>The delegate registered with id %1 and reports healthy (after %2 s)</source>
        <translation>Der Delegate hat sich mit der ID %1 registriert und meldet sich gesund (nach %2 s)</translation>
    </message>
    <message>
        <source>The delegate container stopped (%1).</source>
        <translation>Der Delegate-Container wurde beendet (%1).</translation>
    </message>
    <message>
        <source>The delegate container is gone.</source>
        <translation>Der Delegate-Container ist weg.</translation>
    </message>
    <message>
        <source>The delegate registered but did not report healthy within %1 s.</source>
        <translation>Der Delegate hat sich registriert, aber nicht innerhalb von %1 s als gesund gemeldet.</translation>
    </message>
    <message>
        <source>The delegate did not register within %1 s.</source>
        <translation>Der Delegate hat sich nicht innerhalb von %1 s registriert.</translation>
    </message>
    <message>
        <source>the delegate to report healthy</source>
        <translation>die Gesundmeldung des Delegates</translation>
    </message>
    <message>
        <source>the delegate to register</source>
        <translation>die Registrierung des Delegates</translation>
    </message>
    <message>
        <source>A delegate named %1 was started by hand on the VM: %2. Keep it (its container renamed %1, so this setup manages it from now on) or replace it?</source>
        <translation>Auf der VM wurde ein Delegate namens %1 von Hand gestartet: %2. Behalten (sein Container wird in %1 umbenannt, sodass diese Einrichtung ihn künftig verwaltet) oder ersetzen?</translation>
    </message>
    <message>
        <source>Removing the delegate started by hand</source>
        <translation>Entferne den von Hand gestarteten Delegate</translation>
    </message>
    <message numerus="yes">
        <source>Removed the delegate(s) started by hand (%n container(s))</source>
        <translation>
            <numerusform>Von Hand gestarteten Delegate entfernt (%n Container)</numerusform>
            <numerusform>Von Hand gestartete Delegates entfernt (%n Container)</numerusform>
        </translation>
    </message>
    <message>
        <source>Renaming the delegate started by hand to %1</source>
        <translation>Benenne den von Hand gestarteten Delegate in %1 um</translation>
    </message>
    <message>
        <source>Kept the delegate started by hand (%1): its container is %2 now and restarts with the VM</source>
        <translation>Den von Hand gestarteten Delegate behalten (%1): Sein Container heißt jetzt %2 und startet mit der VM neu</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n other delegate(s) named %1 started by hand</source>
        <translation>
            <numerusform>%n weiteren von Hand gestarteten Delegate namens %1 entfernt</numerusform>
            <numerusform>%n weitere von Hand gestartete Delegates namens %1 entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Delegate container %1 (adopted)</source>
        <translation>Delegate-Container %1 (übernommen)</translation>
    </message>
    <message>
        <source>Removing the old delegate container %1</source>
        <translation>Entferne den alten Delegate-Container %1</translation>
    </message>
    <message>
        <source>DELEGATE_TOKEN=%1 (%2)</source>
        <translation>DELEGATE_TOKEN=%1 (%2)</translation>
    </message>
</context>
<context>
    <name>gs::steps::DockerStep</name>
    <message>
        <source>%1 is in the docker group, but this SSH session started before that. Reconnecting so the group applies…</source>
        <translation>%1 ist in der Gruppe docker, aber diese SSH-Sitzung begann vorher. Verbinde neu, damit die Gruppe gilt …</translation>
    </message>
    <message>
        <source>Docker %1 is installed and its daemon answers</source>
        <translation>Docker %1 ist installiert und sein Daemon antwortet</translation>
    </message>
    <message>
        <source>Docker refused %1 (permission denied on its socket). Use sudo, or add the user to the docker group and reconnect.</source>
        <translation>Docker hat %1 abgewiesen (keine Berechtigung für seinen Socket). Verwenden Sie sudo, oder fügen Sie den Benutzer der Gruppe docker hinzu und verbinden Sie sich neu.</translation>
    </message>
    <message>
        <source>Docker is not installed, and %1 is not a Debian or Ubuntu system, whose install commands this wizard knows. Install Docker Engine as its documentation says for your distribution (https://docs.docker.com/engine/install/), then run again.</source>
        <translation>Docker ist nicht installiert, und %1 ist kein Debian- oder Ubuntu-System, dessen Installationsbefehle dieser Assistent kennt. Installieren Sie Docker Engine wie in dessen Dokumentation für Ihre Distribution beschrieben (https://docs.docker.com/engine/install/) und führen Sie es dann erneut aus.</translation>
    </message>
    <message>
        <source>Docker is not installed on the VM. Install it now?</source>
        <translation>Docker ist auf der VM nicht installiert. Jetzt installieren?</translation>
    </message>
    <message>
        <source>These commands install Debian&apos;s docker.io package and start the daemon now and at boot:</source>
        <translation>Diese Befehle installieren das Debian-Paket docker.io und starten den Daemon jetzt und beim Systemstart:</translation>
    </message>
    <message>
        <source>Install Docker</source>
        <translation>Docker installieren</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Docker is needed for the runner and the delegate. Install it (the commands are shown above) and run again.</source>
        <translation>Docker wird für den Runner und den Delegate gebraucht. Installieren Sie es (die Befehle stehen oben) und führen Sie es erneut aus.</translation>
    </message>
    <message>
        <source>Installing Docker</source>
        <translation>Installiere Docker</translation>
    </message>
    <message>
        <source>Installed Docker (docker.io)</source>
        <translation>Docker installiert (docker.io)</translation>
    </message>
    <message>
        <source>systemctl could not enable the daemon; checking whether it runs anyway.</source>
        <translation>systemctl konnte den Daemon nicht aktivieren; prüfe, ob er trotzdem läuft.</translation>
    </message>
    <message>
        <source>Starting the Docker daemon</source>
        <translation>Starte den Docker-Daemon</translation>
    </message>
    <message>
        <source>Started the Docker daemon</source>
        <translation>Docker-Daemon gestartet</translation>
    </message>
    <message>
        <source>Docker still does not answer</source>
        <translation>Docker antwortet immer noch nicht</translation>
    </message>
    <message>
        <source>Docker %1 answers</source>
        <translation>Docker %1 antwortet</translation>
    </message>
</context>
<context>
    <name>gs::steps::PreflightStep</name>
    <message>
        <source>Checking the VM…</source>
        <translation>Prüfe die VM …</translation>
    </message>
    <message>
        <source>%1 (%2, %3), user %4</source>
        <translation>%1 (%2, %3), Benutzer %4</translation>
    </message>
    <message>
        <source>The VM runs %1, not Linux. The runner and the delegate need a Linux VM.</source>
        <translation>Auf der VM läuft %1, nicht Linux. Runner und Delegate brauchen eine Linux-VM.</translation>
    </message>
    <message>
        <source>an unknown system</source>
        <translation>ein unbekanntes System</translation>
    </message>
    <message>
        <source>The VM is %1, but the runner command forces --platform linux/amd64: it would run emulated or fail with &quot;exec format error&quot;. Use an x86 machine type, or drop --platform from the runner command (the runner image is multi-arch).</source>
        <translation>Die VM ist %1, aber der Runner-Befehl erzwingt --platform linux/amd64: Er würde emuliert laufen oder mit „exec format error“ scheitern. Verwenden Sie einen x86-Maschinentyp, oder entfernen Sie --platform aus dem Runner-Befehl (das Runner-Image ist Multi-Arch).</translation>
    </message>
    <message>
        <source>%1 is in the docker group, but this SSH session started before that. Reconnecting so the group applies…</source>
        <translation>%1 ist in der Gruppe docker, aber diese SSH-Sitzung begann vorher. Verbinde neu, damit die Gruppe gilt …</translation>
    </message>
    <message>
        <source>%1 can use neither Docker directly nor sudo without a password. Enter the sudo password and run again, or add the user to the docker group (sudo usermod -aG docker %1).</source>
        <translation>%1 kann weder Docker direkt noch sudo ohne Passwort verwenden. Geben Sie das sudo-Passwort ein und führen Sie es erneut aus, oder fügen Sie den Benutzer der Gruppe docker hinzu (sudo usermod -aG docker %1).</translation>
    </message>
    <message>
        <source>%1 cannot use Docker and sudo is not installed. Connect as root, or add the user to the docker group.</source>
        <translation>%1 kann Docker nicht verwenden, und sudo ist nicht installiert. Verbinden Sie sich als root, oder fügen Sie den Benutzer der Gruppe docker hinzu.</translation>
    </message>
    <message>
        <source>Docker is not installed; the Docker step offers to install it.</source>
        <translation>Docker ist nicht installiert; der Docker-Schritt bietet die Installation an.</translation>
    </message>
    <message>
        <source>Docker is installed but its daemon does not answer; the Docker step starts it.</source>
        <translation>Docker ist installiert, aber sein Daemon antwortet nicht; der Docker-Schritt startet ihn.</translation>
    </message>
    <message>
        <source>Docker %1</source>
        <translation>Docker %1</translation>
    </message>
    <message>
        <source>Only %1 free under /var/lib/docker; the delegate image alone needs about 2 GiB. Free some space or grow the disk.</source>
        <translation>Nur %1 frei unter /var/lib/docker; allein das Delegate-Image braucht etwa 2 GiB. Geben Sie Platz frei oder vergrößern Sie die Festplatte.</translation>
    </message>
    <message>
        <source>Only %1 free under /var/lib/docker; 10 GiB or more is recommended.</source>
        <translation>Nur %1 frei unter /var/lib/docker; 10 GiB oder mehr werden empfohlen.</translation>
    </message>
    <message>
        <source>Only %1 free for %2. Free some space first.</source>
        <translation>Nur %1 frei für %2. Geben Sie zuerst Platz frei.</translation>
    </message>
    <message>
        <source>The VM has %1 of memory, less than the delegate&apos;s --memory=%2. Lower --memory or use a larger machine type.</source>
        <translation>Die VM hat %1 Speicher, weniger als --memory=%2 des Delegates. Senken Sie --memory oder verwenden Sie einen größeren Maschinentyp.</translation>
    </message>
    <message>
        <source>Only %1 of memory is free; the delegate may use up to %2.</source>
        <translation>Nur %1 Speicher ist frei; der Delegate kann bis zu %2 verwenden.</translation>
    </message>
    <message>
        <source>Memory: %1 free for --memory=%2</source>
        <translation>Speicher: %1 frei für --memory=%2</translation>
    </message>
    <message>
        <source>Port 3000 is free</source>
        <translation>Port 3000 ist frei</translation>
    </message>
    <message>
        <source>Port 3000 is held by our runner (vm-runner)</source>
        <translation>Port 3000 ist von unserem Runner (vm-runner) belegt</translation>
    </message>
    <message>
        <source>Port 3000 on the VM is in use by another program, so the runner cannot publish it. Find it with &quot;sudo ss -ltnp &apos;sport = :3000&apos;&quot; and stop it.</source>
        <translation>Port 3000 auf der VM wird von einem anderen Programm verwendet, daher kann der Runner ihn nicht veröffentlichen. Finden Sie es mit „sudo ss -ltnp &apos;sport = :3000&apos;“ und beenden Sie es.</translation>
    </message>
    <message>
        <source>The VM reaches %1 and the account is known there</source>
        <translation>Die VM erreicht %1, und das Konto ist dort bekannt</translation>
    </message>
    <message>
        <source>%1 does not know this account id (HTTP 401): the account id is wrong, or the account lives on another Harness cluster. Copy MANAGER_HOST_AND_PORT and ACCOUNT_ID from the delegate install command in the Harness UI.</source>
        <translation>%1 kennt diese Konto-ID nicht (HTTP 401): Die Konto-ID ist falsch, oder das Konto liegt auf einem anderen Harness-Cluster. Kopieren Sie MANAGER_HOST_AND_PORT und ACCOUNT_ID aus dem Delegate-Installationsbefehl in der Harness-Oberfläche.</translation>
    </message>
    <message>
        <source>The VM cannot reach %1 over HTTPS (%2). The delegate needs outbound HTTPS to the manager; check the firewall, Cloud NAT and the proxy.</source>
        <translation>Die VM erreicht %1 nicht über HTTPS (%2). Der Delegate braucht ausgehendes HTTPS zum Manager; prüfen Sie die Firewall, Cloud NAT und den Proxy.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 to the account check.</source>
        <translation>%1 hat die Kontoprüfung mit HTTP %2 beantwortet.</translation>
    </message>
    <message>
        <source>Connected as root: no command needs sudo</source>
        <translation>Als root verbunden: Kein Befehl braucht sudo</translation>
    </message>
    <message>
        <source>Docker works without sudo (docker group)</source>
        <translation>Docker funktioniert ohne sudo (Gruppe docker)</translation>
    </message>
    <message>
        <source>Docker works with sudo, without a password</source>
        <translation>Docker funktioniert mit sudo, ohne Passwort</translation>
    </message>
    <message>
        <source>Docker works with sudo and the password you gave</source>
        <translation>Docker funktioniert mit sudo und dem angegebenen Passwort</translation>
    </message>
    <message>
        <source>%1 is written with sudo (%2 cannot write it)</source>
        <translation>In %1 wird mit sudo geschrieben (%2 darf dort nicht schreiben)</translation>
    </message>
    <message>
        <source>%1 is created with sudo (%2 cannot create it)</source>
        <translation>%1 wird mit sudo angelegt (%2 darf es nicht anlegen)</translation>
    </message>
    <message>
        <source>%1 is writable by %2: no sudo needed</source>
        <translation>%1 ist für %2 beschreibbar: kein sudo nötig</translation>
    </message>
    <message>
        <source>%2 can create %1: no sudo needed</source>
        <translation>%2 kann %1 anlegen: kein sudo nötig</translation>
    </message>
    <message>
        <source>A runner started by hand is on the VM: %1. The runner step offers to keep it (docker rename to vm-runner, so this setup manages it from now on) or to replace it with a new one.</source>
        <translation>Auf der VM läuft ein von Hand gestarteter Runner: %1. Der Runner-Schritt bietet an, ihn zu behalten (docker rename auf vm-runner, sodass diese Einrichtung ihn künftig verwaltet) oder durch einen neuen zu ersetzen.</translation>
    </message>
    <message numerus="yes">
        <source>%n delegate(s) named %1 started by hand: %2. The delegate step offers to keep one (its container renamed %1) or to replace it; either way there will be one delegate of that name.</source>
        <translation>
            <numerusform>%n von Hand gestarteter Delegate namens %1: %2. Der Delegate-Schritt bietet an, ihn zu behalten (sein Container wird in %1 umbenannt) oder zu ersetzen; in jedem Fall gibt es danach genau einen Delegate dieses Namens.</numerusform>
            <numerusform>%n von Hand gestartete Delegates namens %1: %2. Der Delegate-Schritt bietet an, einen davon zu behalten (sein Container wird in %1 umbenannt) oder ihn zu ersetzen; in jedem Fall gibt es danach genau einen Delegate dieses Namens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Port 3000 is held by the runner started by hand (%1)</source>
        <translation>Port 3000 ist vom von Hand gestarteten Runner (%1) belegt</translation>
    </message>
    <message>
        <source>Port 3000 on the VM is published by the container %1 (image %2), which is not a VM runner, so the runner cannot publish it. Stop or remove that container and run again.</source>
        <translation>Port 3000 auf der VM wird vom Container %1 (Image %2) veröffentlicht, der kein VM-Runner ist, daher kann der Runner ihn nicht veröffentlichen. Stoppen oder entfernen Sie diesen Container und führen Sie es erneut aus.</translation>
    </message>
    <message>
        <source>The VM&apos;s connection to the Harness manager was not checked (offline, or no account id yet).</source>
        <translation>Die Verbindung der VM zum Harness-Manager wurde nicht geprüft (offline oder noch keine Konto-ID).</translation>
    </message>
    <message>
        <source>The VM&apos;s connection to the Harness manager was not checked: curl is not installed on the VM.</source>
        <translation>Die Verbindung der VM zum Harness-Manager wurde nicht geprüft: curl ist auf der VM nicht installiert.</translation>
    </message>
</context>
<context>
    <name>gs::steps::RunnerStep</name>
    <message>
        <source>Reconnecting so the docker group applies…</source>
        <translation>Verbinde neu, damit die Gruppe docker gilt …</translation>
    </message>
    <message>
        <source>Docker cannot be used by %1; run the preflight checks for what to do.</source>
        <translation>%1 kann Docker nicht verwenden; führen Sie die Vorabprüfungen aus, um zu sehen, was zu tun ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) in the pool file: the runner would refuse it.</source>
        <translation>
            <numerusform>%n Fehler in der Pool-Datei: Der Runner würde sie ablehnen.</numerusform>
            <numerusform>%n Fehler in der Pool-Datei: Der Runner würde sie ablehnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Uploading it anyway, as asked.</source>
        <translation>Lade sie trotzdem hoch, wie gewünscht.</translation>
    </message>
    <message>
        <source>Upload it anyway?</source>
        <translation>Trotzdem hochladen?</translation>
    </message>
    <message>
        <source>Upload anyway</source>
        <translation>Trotzdem hochladen</translation>
    </message>
    <message>
        <source>Fix the file first</source>
        <translation>Zuerst die Datei korrigieren</translation>
    </message>
    <message>
        <source>Fix them (the Prerequisites page shows each one) and run again.</source>
        <translation>Beheben Sie sie (die Seite Voraussetzungen zeigt jedes einzeln) und führen Sie es erneut aus.</translation>
    </message>
    <message>
        <source>Uploading a pool file with errors, as you asked.</source>
        <translation>Lade eine Pool-Datei mit Fehlern hoch, wie gewünscht.</translation>
    </message>
    <message>
        <source>Looking at what is already on the VM…</source>
        <translation>Sehe nach, was schon auf der VM ist …</translation>
    </message>
    <message>
        <source>Inspecting the VM</source>
        <translation>Untersuche die VM</translation>
    </message>
    <message>
        <source>Runner directory %1</source>
        <translation>Runner-Verzeichnis %1</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Lege %1 an</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>%1 angelegt</translation>
    </message>
    <message numerus="yes">
        <source>%1 is up to date (%n pool(s))</source>
        <translation>
            <numerusform>%1 ist aktuell (%n Pool)</numerusform>
            <numerusform>%1 ist aktuell (%n Pools)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Schreibe %1</translation>
    </message>
    <message numerus="yes">
        <source>Uploaded %1 (%n pool(s), mode 0600)</source>
        <translation>
            <numerusform>%1 hochgeladen (%n Pool, Modus 0600)</numerusform>
            <numerusform>%1 hochgeladen (%n Pools, Modus 0600)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Updated %1 (%n pool(s), mode 0600)</source>
        <translation>
            <numerusform>%1 aktualisiert (%n Pool, Modus 0600)</numerusform>
            <numerusform>%1 aktualisiert (%n Pools, Modus 0600)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewrote %1 so the runner finds the key inside the container</source>
        <translation>%1 umgeschrieben, damit der Runner den Schlüssel im Container findet</translation>
    </message>
    <message>
        <source>Service-account key %1 is up to date</source>
        <translation>Dienstkonto-Schlüssel %1 ist aktuell</translation>
    </message>
    <message>
        <source>the service-account key (%1 bytes, not shown)</source>
        <translation>der Dienstkonto-Schlüssel (%1 Bytes, nicht angezeigt)</translation>
    </message>
    <message>
        <source>Writing the service-account key</source>
        <translation>Schreibe den Dienstkonto-Schlüssel</translation>
    </message>
    <message>
        <source>Uploaded the service-account key to %1 (mode 0600)</source>
        <translation>Dienstkonto-Schlüssel nach %1 hochgeladen (Modus 0600)</translation>
    </message>
    <message>
        <source>Docker network &quot;harness&quot;</source>
        <translation>Docker-Netzwerk „harness“</translation>
    </message>
    <message>
        <source>Creating the harness network</source>
        <translation>Lege das Netzwerk harness an</translation>
    </message>
    <message>
        <source>Created the Docker network &quot;harness&quot;</source>
        <translation>Das Docker-Netzwerk „harness“ wurde angelegt</translation>
    </message>
    <message>
        <source>pool.yaml changed, and the runner reads it only at start</source>
        <translation>pool.yaml hat sich geändert, und der Runner liest sie nur beim Start</translation>
    </message>
    <message>
        <source>A runner container (vm-runner) already exists. Keep it or replace it?</source>
        <translation>Ein Runner-Container (vm-runner) existiert bereits. Behalten oder ersetzen?</translation>
    </message>
    <message>
        <source>Runner container vm-runner (kept)</source>
        <translation>Runner-Container vm-runner (behalten)</translation>
    </message>
    <message>
        <source>Starting the kept runner</source>
        <translation>Starte den behaltenen Runner</translation>
    </message>
    <message>
        <source>Started the kept runner container</source>
        <translation>Den behaltenen Runner-Container gestartet</translation>
    </message>
    <message>
        <source>Port 3000 on the VM is taken by another program, so the runner cannot publish it.</source>
        <translation>Port 3000 auf der VM ist von einem anderen Programm belegt, daher kann der Runner ihn nicht veröffentlichen.</translation>
    </message>
    <message>
        <source>Starting the runner</source>
        <translation>Starte den Runner</translation>
    </message>
    <message>
        <source>Replaced the runner container vm-runner</source>
        <translation>Runner-Container vm-runner ersetzt</translation>
    </message>
    <message>
        <source>Started the runner container vm-runner</source>
        <translation>Runner-Container vm-runner gestartet</translation>
    </message>
    <message>
        <source>Removing the old runner</source>
        <translation>Entferne den alten Runner</translation>
    </message>
    <message>
        <source>The runner container stopped (%1).</source>
        <translation>Der Runner-Container wurde beendet (%1).</translation>
    </message>
    <message>
        <source>The runner container is gone.</source>
        <translation>Der Runner-Container ist weg.</translation>
    </message>
    <message>
        <source>The last check said: %1</source>
        <translation>Die letzte Prüfung meldete: %1</translation>
    </message>
    <message>
        <source>A runner started by hand is on the VM: %1. Keep it (renamed vm-runner, so this setup manages it from now on) or replace it?</source>
        <translation>Auf der VM läuft ein von Hand gestarteter Runner: %1. Behalten (in vm-runner umbenannt, sodass diese Einrichtung ihn künftig verwaltet) oder ersetzen?</translation>
    </message>
    <message>
        <source>Removing the runner started by hand</source>
        <translation>Entferne den von Hand gestarteten Runner</translation>
    </message>
    <message numerus="yes">
        <source>Removed the runner(s) started by hand (%n container(s))</source>
        <translation>
            <numerusform>Von Hand gestarteten Runner entfernt (%n Container)</numerusform>
            <numerusform>Von Hand gestartete Runner entfernt (%n Container)</numerusform>
        </translation>
    </message>
    <message>
        <source>Renaming the runner started by hand to vm-runner</source>
        <translation>Benenne den von Hand gestarteten Runner in vm-runner um</translation>
    </message>
    <message>
        <source>Kept the runner started by hand (%1): it is vm-runner now and restarts with the VM</source>
        <translation>Den von Hand gestarteten Runner behalten (%1): Er heißt jetzt vm-runner und startet mit der VM neu</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n other runner(s) started by hand</source>
        <translation>
            <numerusform>%n weiteren von Hand gestarteten Runner entfernt</numerusform>
            <numerusform>%n weitere von Hand gestartete Runner entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Runner container vm-runner (adopted)</source>
        <translation>Runner-Container vm-runner (übernommen)</translation>
    </message>
    <message>
        <source>Removing the old vm-runner</source>
        <translation>Entferne den alten vm-runner</translation>
    </message>
    <message>
        <source>The VM has neither curl, wget nor bash to ask the runner whether it is healthy: it counts as up once it runs and logs &quot;starting the server&quot;.</source>
        <translation>Auf der VM gibt es weder curl noch wget noch bash, um den Runner nach seinem Zustand zu fragen: Er gilt als bereit, sobald er läuft und „starting the server“ protokolliert.</translation>
    </message>
    <message>
        <source>Waiting for the runner to start its server (it starts only after its pools are set up)…</source>
        <translation>Warte, bis der Runner seinen Server startet (das geschieht erst, nachdem seine Pools eingerichtet sind) …</translation>
    </message>
    <message>
        <source>Waiting for the runner to answer its health check on port 3000 of the VM (it answers only after its pools are set up)…</source>
        <translation>Warte, bis der Runner seine Zustandsprüfung auf Port 3000 der VM beantwortet (das geschieht erst, nachdem seine Pools eingerichtet sind) …</translation>
    </message>
    <message>
        <source>The runner answers its health check with OK (after %1 s)</source>
        <translation>Der Runner beantwortet seine Zustandsprüfung mit OK (nach %1 s)</translation>
    </message>
    <message>
        <source>The runner started its server (after %1 s)</source>
        <translation>Der Runner hat seinen Server gestartet (nach %1 s)</translation>
    </message>
    <message>
        <source>The runner did not start its server within %1 s.</source>
        <translation>Der Runner hat seinen Server nicht innerhalb von %1 s gestartet.</translation>
    </message>
    <message>
        <source>The runner did not answer its health check on port 3000 within %1 s.</source>
        <translation>Der Runner hat seine Zustandsprüfung auf Port 3000 nicht innerhalb von %1 s beantwortet.</translation>
    </message>
    <message>
        <source>the runner to start its server</source>
        <translation>den Serverstart des Runners</translation>
    </message>
    <message>
        <source>the runner to answer its health check</source>
        <translation>die Antwort des Runners auf die Zustandsprüfung</translation>
    </message>
</context>
<context>
    <name>gs::steps::SetupRun</name>
    <message>
        <source>Step: %1</source>
        <translation>Schritt: %1</translation>
    </message>
    <message>
        <source>Disconnect and connect again, then run again.</source>
        <translation>Trennen und erneut verbinden, dann erneut ausführen.</translation>
    </message>
    <message>
        <source>Reconnecting failed: %1</source>
        <translation>Neu verbinden fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>gs::steps::StepJob</name>
    <message>
        <source>Not connected to the VM. Connect first, then run this step again.</source>
        <translation>Nicht mit der VM verbunden. Verbinden Sie sich zuerst und führen Sie diesen Schritt dann erneut aus.</translation>
    </message>
    <message>
        <source>The connection to the VM is gone. Run again to resume.</source>
        <translation>Die Verbindung zur VM ist weg. Führen Sie es erneut aus, um fortzufahren.</translation>
    </message>
    <message>
        <source>sudo password</source>
        <translation>sudo-Passwort</translation>
    </message>
    <message>
        <source>sudo password, then %1</source>
        <translation>sudo-Passwort, dann %1</translation>
    </message>
    <message>
        <source>The command &quot;%1&quot; did not finish within %2 s.</source>
        <translation>Der Befehl „%1“ ist nicht innerhalb von %2 s fertig geworden.</translation>
    </message>
    <message>
        <source>The connection to the VM was lost (%1). Nothing is left half-written: reconnect and run again, it goes on from where it stopped.</source>
        <translation>Die Verbindung zur VM ist abgerissen (%1). Nichts ist halb geschrieben: Verbinden Sie sich neu und führen Sie es erneut aus; es macht dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <source>Internal error: the plan has no command &quot;%1&quot;.</source>
        <translation>Interner Fehler: Der Plan hat keinen Befehl „%1“.</translation>
    </message>
    <message>
        <source>sudo did not accept the password.</source>
        <translation>sudo hat das Passwort nicht akzeptiert.</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>%1 failed (%2).</source>
        <translation>%1 ist fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>it runs %1, not %2</source>
        <translation>es läuft %1, nicht %2</translation>
    </message>
    <message>
        <source>a newer %1 is on the VM</source>
        <translation>auf der VM ist ein neueres %1</translation>
    </message>
    <message>
        <source>it is %1</source>
        <translation>es ist %1</translation>
    </message>
    <message>
        <source>Image: %1
State: %2%3</source>
        <translation>Image: %1
Zustand: %2%3</translation>
    </message>
    <message>
        <source>Replacing is recommended: %1.</source>
        <translation>Ersetzen wird empfohlen: %1.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Container: %1, started by hand (no --name)</source>
        <translation>Container: %1, von Hand gestartet (ohne --name)</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more copy(ies) started the same way: removed either way.</source>
        <translation>
            <numerusform>%n weitere Kopie, auf dieselbe Weise gestartet: wird in jedem Fall entfernt.</numerusform>
            <numerusform>%n weitere Kopien, auf dieselbe Weise gestartet: werden in jedem Fall entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep as %1</source>
        <translation>Als %1 behalten</translation>
    </message>
    <message>
        <source>%1 was kept although it differs from your answers: %2. Replace it to apply them.</source>
        <translation>%1 wurde behalten, obwohl er von Ihren Antworten abweicht: %2. Ersetzen Sie ihn, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>The host check (what the VM is and has)</source>
        <translation>Die Host-Prüfung (was die VM ist und hat)</translation>
    </message>
    <message>
        <source>The host check printed none of its answers, so nothing is known about the VM and nothing was changed. The account&apos;s login shell may not run commands (a forced command or nologin).</source>
        <translation>Die Host-Prüfung hat keine ihrer Antworten ausgegeben; über die VM ist also nichts bekannt, und nichts wurde geändert. Die Login-Shell des Kontos führt vielleicht keine Befehle aus (ein erzwungener Befehl oder nologin).</translation>
    </message>
</context>
<context>
    <name>gs::steps::UninstallStep</name>
    <message>
        <source>Remove the runner and the delegate</source>
        <translation>Runner und Delegate entfernen</translation>
    </message>
    <message>
        <source>Inspecting the VM</source>
        <translation>Untersuche die VM</translation>
    </message>
    <message>
        <source>No harness network</source>
        <translation>Kein Netzwerk harness</translation>
    </message>
    <message>
        <source>Remove the delegate container %1 if this setup made it (label %2=delegate) or adopted it</source>
        <translation>Den Delegate-Container %1 entfernen, falls diese Einrichtung ihn angelegt (Label %2=delegate) oder übernommen hat</translation>
    </message>
    <message>
        <source>Remove the runner container %1 if this setup made it (label %2=runner) or adopted it</source>
        <translation>Den Runner-Container %1 entfernen, falls diese Einrichtung ihn angelegt (Label %2=runner) oder übernommen hat</translation>
    </message>
    <message>
        <source>Remove the harness network if no other container is attached to it</source>
        <translation>Das Netzwerk harness entfernen, falls kein anderer Container damit verbunden ist</translation>
    </message>
    <message>
        <source>Remove the files the setup wrote into %1 (pool.yaml, the key, the record of adopted containers)</source>
        <translation>Die von der Einrichtung in %1 geschriebenen Dateien entfernen (pool.yaml, den Schlüssel, die Liste der übernommenen Container)</translation>
    </message>
    <message>
        <source>Remove the runner directory %1 if it is empty now (rmdir: a file the setup did not write keeps it)</source>
        <translation>Das Runner-Verzeichnis %1 entfernen, falls es jetzt leer ist (rmdir: Liegt darin eine Datei, die nicht von der Einrichtung stammt, bleibt es bestehen)</translation>
    </message>
    <message>
        <source>No delegate container %1</source>
        <translation>Kein Delegate-Container %1</translation>
    </message>
    <message>
        <source>No runner container %1</source>
        <translation>Kein Runner-Container %1</translation>
    </message>
    <message>
        <source>Left the container %1: this setup did not make it (no %2=%3 label) and did not adopt it.</source>
        <translation>Container %1 belassen: Diese Einrichtung hat ihn weder angelegt (kein Label %2=%3) noch übernommen.</translation>
    </message>
    <message>
        <source>Left the harness network: other containers are attached to it (%1).</source>
        <translation>Netzwerk harness belassen: Andere Container sind damit verbunden (%1).</translation>
    </message>
    <message>
        <source>No runner directory %1</source>
        <translation>Kein Runner-Verzeichnis %1</translation>
    </message>
    <message>
        <source>Kept the directory %1: uninstall removes only a directory given by an absolute path other than &quot;/&quot;, without &quot;.&quot; or &quot;..&quot;.</source>
        <translation>Verzeichnis %1 behalten: Die Deinstallation entfernt nur ein Verzeichnis, das als absoluter Pfad ungleich „/“ und ohne „.“ oder „..“ angegeben ist.</translation>
    </message>
    <message>
        <source>Kept the runner directory %1: it holds files the setup did not write (%2).</source>
        <translation>Runner-Verzeichnis %1 behalten: Es enthält Dateien, die nicht von der Einrichtung stammen (%2).</translation>
    </message>
    <message>
        <source>Nothing to remove.</source>
        <translation>Nichts zu entfernen.</translation>
    </message>
    <message>
        <source>Remove these from the VM?</source>
        <translation>Folgendes von der VM entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Nothing was removed: the removal was not confirmed.</source>
        <translation>Nichts wurde entfernt: Das Entfernen wurde nicht bestätigt.</translation>
    </message>
    <message>
        <source>Removed the delegate container %1</source>
        <translation>Delegate-Container %1 entfernt</translation>
    </message>
    <message>
        <source>Removed the runner container %1</source>
        <translation>Runner-Container %1 entfernt</translation>
    </message>
    <message>
        <source>Removed the harness network</source>
        <translation>Netzwerk harness entfernt</translation>
    </message>
    <message>
        <source>Removed the files the setup wrote into %1</source>
        <translation>Die von der Einrichtung in %1 geschriebenen Dateien entfernt</translation>
    </message>
    <message>
        <source>Removed the runner directory %1</source>
        <translation>Runner-Verzeichnis %1 entfernt</translation>
    </message>
    <message>
        <source>Kept the runner directory: rmdir did not remove it (%1).</source>
        <translation>Runner-Verzeichnis behalten: rmdir hat es nicht entfernt (%1).</translation>
    </message>
    <message>
        <source>Remove Harness&apos;s upgrader container %1 if this setup installed it (label %2=upgrader)</source>
        <translation>Den Upgrader-Container %1 von Harness entfernen, falls dieses Setup ihn installiert hat (Label %2=upgrader)</translation>
    </message>
    <message>
        <source>Removed the upgrader container %1</source>
        <translation>Upgrader-Container %1 entfernt</translation>
    </message>
</context>
<context>
    <name>gs::terraform</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 is not a Terraform folder: it has no .tf file, no terraform.tfstate and no .terraform folder. Pick the folder you ran terraform apply in (the one with main.tf).</source>
        <translation>%1 ist kein Terraform-Ordner: Er enthält keine .tf-Datei, keine terraform.tfstate und keinen Ordner .terraform. Wählen Sie den Ordner, in dem Sie terraform apply ausgeführt haben (den mit main.tf).</translation>
    </message>
    <message>
        <source>terraform show -json did not print JSON (%1).</source>
        <translation>terraform show -json hat kein JSON ausgegeben (%1).</translation>
    </message>
    <message>
        <source>terraform show -json printed JSON without a format_version: not the state format.</source>
        <translation>terraform show -json hat JSON ohne format_version ausgegeben: nicht das State-Format.</translation>
    </message>
    <message>
        <source>terraform output -json did not print JSON (%1)</source>
        <translation>terraform output -json hat kein JSON ausgegeben (%1)</translation>
    </message>
    <message>
        <source>there is no output named instance_yaml</source>
        <translation>es gibt keine Ausgabe namens instance_yaml</translation>
    </message>
    <message>
        <source>the instance_yaml output is not a text</source>
        <translation>die Ausgabe instance_yaml ist kein Text</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>Die Schlüsseldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The key file %1 is not a file.</source>
        <translation>Die Schlüsseldatei %1 ist keine Datei.</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read: %2</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The key file %1 is not JSON: a service-account key from the Google Cloud Console (IAM → Service accounts → Keys → JSON) is expected.</source>
        <translation>Die Schlüsseldatei %1 ist kein JSON: Erwartet wird ein Dienstkonto-Schlüssel aus der Google Cloud Console (IAM → Service accounts → Keys → JSON).</translation>
    </message>
    <message>
        <source>The key file %1 is not a service-account key (its &quot;type&quot; is &quot;%2&quot;, not &quot;service_account&quot;).</source>
        <translation>Die Schlüsseldatei %1 ist kein Dienstkonto-Schlüssel (ihr „type“ ist „%2“, nicht „service_account“).</translation>
    </message>
    <message>
        <source>The Terraform state in %1 has no runner VM (no google_compute_instance named …-runner-vm).</source>
        <translation>Der Terraform-State in %1 enthält keine Runner-VM (keine google_compute_instance namens …-runner-vm).</translation>
    </message>
    <message>
        <source>The Terraform state has no runner VM named %1. It has: %2.</source>
        <translation>Der Terraform-State enthält keine Runner-VM namens %1. Vorhanden sind: %2.</translation>
    </message>
    <message>
        <source>The Terraform state has %1 runner VMs, one per region: %2. Choose one.</source>
        <translation>Der Terraform-State enthält %1 Runner-VMs, eine pro Region: %2. Wählen Sie eine aus.</translation>
    </message>
</context>
<context>
    <name>gs::terraform::TerraformReadJob</name>
    <message>
        <source>terraform did not answer within %1 seconds.</source>
        <translation>terraform hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Pool file: %1</source>
        <translation>Pool-Datei: %1</translation>
    </message>
    <message>
        <source>terraform is not installed or not on PATH: only the files in the folder were read, so the runner VM is not known (it comes from terraform show -json).</source>
        <translation>terraform ist nicht installiert oder nicht im PATH: Nur die Dateien im Ordner wurden gelesen, daher ist die Runner-VM nicht bekannt (sie stammt aus terraform show -json).</translation>
    </message>
    <message>
        <source>No pool file: %1 has no pool.yaml, and without terraform the instance_yaml output cannot be read.</source>
        <translation>Keine Pool-Datei: %1 enthält keine pool.yaml, und ohne terraform kann die Ausgabe instance_yaml nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 ended with exit code %2.</source>
        <translation>%1 wurde mit Exit-Code %2 beendet.</translation>
    </message>
    <message>
        <source>%1 crashed.</source>
        <translation>%1 ist abgestürzt.</translation>
    </message>
    <message>
        <source>Reading the Terraform state (terraform show -json)…</source>
        <translation>Lese den Terraform-State (terraform show -json) …</translation>
    </message>
    <message>
        <source>terraform show -json failed in %1: %2</source>
        <translation>terraform show -json ist in %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Terraform has no state in %1: terraform show -json lists no resources. Run terraform apply there first, or pick the folder you ran it in.</source>
        <translation>Terraform hat in %1 keinen State: terraform show -json listet keine Ressourcen. Führen Sie dort zuerst terraform apply aus, oder wählen Sie den Ordner, in dem Sie es ausgeführt haben.</translation>
    </message>
    <message>
        <source>Runner VM: %1 (zone %2, project %3)</source>
        <translation>Runner-VM: %1 (Zone %2, Projekt %3)</translation>
    </message>
    <message>
        <source>No runner VM in the Terraform state (no google_compute_instance named …-runner-vm).</source>
        <translation>Keine Runner-VM im Terraform-State (keine google_compute_instance namens …-runner-vm).</translation>
    </message>
    <message>
        <source>No pool.yaml: reading the instance_yaml output (terraform output -json)…</source>
        <translation>Keine pool.yaml: Lese die Ausgabe instance_yaml (terraform output -json) …</translation>
    </message>
    <message>
        <source>Pool file: not in %1; taken from the Terraform output instance_yaml</source>
        <translation>Pool-Datei: nicht in %1; aus der Terraform-Ausgabe instance_yaml übernommen</translation>
    </message>
    <message>
        <source>No pool file: %1 has no pool.yaml, and the Terraform output instance_yaml could not be read (%2).</source>
        <translation>Keine Pool-Datei: %1 enthält keine pool.yaml, und die Terraform-Ausgabe instance_yaml konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>the instance_yaml output</source>
        <translation>der Ausgabe instance_yaml</translation>
    </message>
    <message>
        <source>json_path in %1, line %2</source>
        <translation>json_path in %1, Zeile %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>No service-account key: the pool file has no json_path and %1 no %2. The runner then uses the VM&apos;s default credentials.</source>
        <translation>Kein Dienstkonto-Schlüssel: Die Pool-Datei hat kein json_path und %1 kein %2. Der Runner verwendet dann die Standard-Anmeldedaten der VM.</translation>
    </message>
    <message>
        <source>Service-account key: %1 (from %2)</source>
        <translation>Dienstkonto-Schlüssel: %1 (aus %2)</translation>
    </message>
    <message>
        <source>%1 (named by %2)</source>
        <translation>%1 (laut %2)</translation>
    </message>
    <message>
        <source>the local user name, as gcloud takes it</source>
        <translation>der lokale Benutzername, wie gcloud ihn übernimmt</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>Benutzer: %1 (%2)</translation>
    </message>
    <message>
        <source>User: gcloud does not use the local user name “%1” but your account&apos;s name, and gcloud is not installed to ask.</source>
        <translation>Benutzer: gcloud verwendet nicht den lokalen Benutzernamen „%1“, sondern den Namen Ihres Kontos, und gcloud ist nicht installiert, um ihn zu erfragen.</translation>
    </message>
    <message>
        <source>Asking gcloud for the signed-in account…</source>
        <translation>Frage gcloud nach dem angemeldeten Konto …</translation>
    </message>
    <message>
        <source>User: gcloud does not use the local user name “%1”, and no signed-in account was found (%2).</source>
        <translation>Benutzer: gcloud verwendet den lokalen Benutzernamen „%1“ nicht, und es wurde kein angemeldetes Konto gefunden (%2).</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>keines gesetzt</translation>
    </message>
    <message>
        <source>from the account %1</source>
        <translation>aus dem Konto %1</translation>
    </message>
</context>
</TS>
