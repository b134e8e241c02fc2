<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Csv</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>SQLSTATE %1</source>
        <translation>SQLSTATE %1</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>No password is stored for this connection.</source>
        <translation>Für diese Verbindung ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>No keychain is available here (%1); the password will be asked for each session and never saved.</source>
        <translation>Hier ist kein Schlüsselbund verfügbar (%1); das Passwort wird in jeder Sitzung abgefragt und nie gespeichert.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PG_BINDIR is set to %1, but that directory has no PostgreSQL server programs (initdb, pg_ctl, postgres). Point it at the server&apos;s bin directory or unset it.</source>
        <translation>PG_BINDIR ist auf %1 gesetzt, aber dieses Verzeichnis enthält keine PostgreSQL-Serverprogramme (initdb, pg_ctl, postgres). Lassen Sie die Variable auf das bin-Verzeichnis des Servers zeigen oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>No PostgreSQL server programs (initdb, pg_ctl) were found. Install the server (Debian/Ubuntu: apt install postgresql) or set PG_BINDIR to its bin directory.</source>
        <translation>Es wurden keine PostgreSQL-Serverprogramme (initdb, pg_ctl) gefunden. Installieren Sie den Server (Debian/Ubuntu: apt install postgresql) oder setzen Sie PG_BINDIR auf dessen bin-Verzeichnis.</translation>
    </message>
    <message>
        <source>cannot run %1</source>
        <translation>%1 kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>automv::ui</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
</context>
<context>
    <name>automv::ui::BlackoutDialog</name>
    <message>
        <source>Blackout windows</source>
        <translation>Sperrzeiten</translation>
    </message>
    <message>
        <source>%1 — every view</source>
        <translation>%1 — alle Sichten</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove blackout window</source>
        <translation>Sperrzeit entfernen</translation>
    </message>
    <message>
        <source>Remove the window %1? Refreshes it held back run when due.</source>
        <translation>Sperrzeit %1 entfernen? Zurückgehaltene Aktualisierungen laufen, sobald sie fällig sind.</translation>
    </message>
    <message>
        <source>Mon-Fri, Sat,Sun, daily, weekdays, weekends</source>
        <translation>Mon-Fri, Sat,Sun, daily, weekdays, weekends</translation>
    </message>
    <message>
        <source>An end before the start ends the next day (22:00–06:00).</source>
        <translation>Ein Ende vor dem Beginn endet am nächsten Tag (22:00–06:00).</translation>
    </message>
    <message>
        <source>Only %1.%2</source>
        <translation>Nur %1.%2</translation>
    </message>
    <message>
        <source>Every view (pg_auto_mv&apos;s installing role only)</source>
        <translation>Alle Sichten (nur die Rolle, die pg_auto_mv installiert hat)</translation>
    </message>
    <message>
        <source>No automatic refresh runs inside a window: a change made in one refreshes when it closes, and max_wait counts from there. A manual refresh still runs.</source>
        <translation>In einer Sperrzeit läuft keine automatische Aktualisierung: Eine Änderung darin wird an ihrem Ende aktualisiert, und max_wait zählt ab dort. Eine manuelle Aktualisierung läuft trotzdem.</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Tage:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Holds:</source>
        <translation>&amp;Gilt für:</translation>
    </message>
    <message>
        <source>&amp;Add window</source>
        <translation>Sperrzeit &amp;hinzufügen</translation>
    </message>
    <message>
        <source>New window:</source>
        <translation>Neue Sperrzeit:</translation>
    </message>
    <message>
        <source>Select a window to remove.</source>
        <translation>Wählen Sie die zu entfernende Sperrzeit.</translation>
    </message>
    <message>
        <source>Give the days, e.g. Mon-Fri, Sat,Sun or daily.</source>
        <translation>Geben Sie die Tage an, z. B. Mon-Fri, Sat,Sun oder daily.</translation>
    </message>
    <message>
        <source>A window cannot start and end at the same time.</source>
        <translation>Eine Sperrzeit kann nicht zur selben Zeit beginnen und enden.</translation>
    </message>
    <message>
        <source>Give a time zone, e.g. UTC or Europe/London.</source>
        <translation>Geben Sie eine Zeitzone an, z. B. UTC oder Europe/London.</translation>
    </message>
    <message>
        <source>Blackout window %1 removed.</source>
        <translation>Sperrzeit %1 entfernt.</translation>
    </message>
    <message>
        <source>Blackout window %1 %2–%3 %4 added for %5.</source>
        <translation>Sperrzeit %1 %2–%3 %4 für %5 hinzugefügt.</translation>
    </message>
    <message>
        <source>every view</source>
        <translation>alle Sichten</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
</context>
<context>
    <name>automv::ui::CaptureDialog</name>
    <message>
        <source>Change capture</source>
        <translation>Änderungserfassung</translation>
    </message>
    <message>
        <source>&amp;Triggers — each write to a watched table also writes a small request (the default; works everywhere)</source>
        <translation>&amp;Trigger — jeder Schreibvorgang in eine beobachtete Tabelle schreibt auch eine kleine Anforderung (Standard; funktioniert überall)</translation>
    </message>
    <message>
        <source>&amp;WAL — writers run nothing; the processor reads the changes from a logical replication slot</source>
        <translation>&amp;WAL — Schreibende führen nichts aus; der Prozessor liest die Änderungen aus einem logischen Replikationsslot</translation>
    </message>
    <message>
        <source>WAL (slot %1)</source>
        <translation>WAL (Slot %1)</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <source>Capture lag:</source>
        <translation>Erfassungsrückstand:</translation>
    </message>
    <message>
        <source>Watched tables:</source>
        <translation>Beobachtete Tabellen:</translation>
    </message>
    <message>
        <source>%1 read from the WAL, %2 with triggers</source>
        <translation>%1 aus dem WAL gelesen, %2 mit Triggern</translation>
    </message>
    <message>
        <source>The slot was lost at %1 (%2): every view it watched was refreshed and capture went back to triggers. Raise max_slot_wal_keep_size, then choose WAL again.</source>
        <translation>Der Slot ging um %1 verloren (%2): Jede von ihm beobachtete Sicht wurde aktualisiert, und die Erfassung ist zu Triggern zurückgekehrt. Erhöhen Sie max_slot_wal_keep_size und wählen Sie dann wieder WAL.</translation>
    </message>
    <message>
        <source>Lost:</source>
        <translation>Verloren:</translation>
    </message>
    <message>
        <source>WAL capture needs wal_level = logical and the REPLICATION attribute for pg_auto_mv&apos;s role. A slot keeps WAL until it is read: set max_slot_wal_keep_size so a processor that is down cannot fill the disk. Tables without a primary key keep their triggers. Switching never loses a change; only pg_auto_mv&apos;s installing role may switch.</source>
        <translation>Die WAL-Erfassung braucht wal_level = logical und das Attribut REPLICATION für die Rolle von pg_auto_mv. Ein Slot behält WAL, bis es gelesen ist: Setzen Sie max_slot_wal_keep_size, damit ein ausgefallener Prozessor die Platte nicht füllen kann. Tabellen ohne Primärschlüssel behalten ihre Trigger. Beim Umschalten geht keine Änderung verloren; nur die installierende Rolle von pg_auto_mv darf umschalten.</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Umschalten</translation>
    </message>
    <message>
        <source>Changes are now read from the WAL.</source>
        <translation>Änderungen werden jetzt aus dem WAL gelesen.</translation>
    </message>
    <message>
        <source>Changes are now captured by triggers.</source>
        <translation>Änderungen werden jetzt von Triggern erfasst.</translation>
    </message>
    <message>
        <source>no slot</source>
        <translation>kein Slot</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>%1 im Rückstand</translation>
    </message>
    <message>
        <source>, a processor streams it</source>
        <translation>, ein Prozessor streamt ihn</translation>
    </message>
    <message>
        <source>, last read %1 s ago (no processor streams it)</source>
        <translation>, zuletzt vor %1 s gelesen (kein Prozessor streamt ihn)</translation>
    </message>
    <message>
        <source> (slot WAL: %1)</source>
        <translation> (Slot-WAL: %1)</translation>
    </message>
    <message>
        <source>Changes are read from the WAL already.</source>
        <translation>Änderungen werden bereits aus dem WAL gelesen.</translation>
    </message>
    <message>
        <source>Changes are captured by triggers already.</source>
        <translation>Änderungen werden bereits von Triggern erfasst.</translation>
    </message>
    <message>
        <source>Switching… (this waits for transactions in progress)</source>
        <translation>Umschalten … (wartet auf laufende Transaktionen)</translation>
    </message>
</context>
<context>
    <name>automv::ui::ChannelPolicy</name>
    <message>
        <source>Choose a channel.</source>
        <translation>Wählen Sie einen Kanal.</translation>
    </message>
    <message>
        <source>Runs in all are 1 (never retry) to 1000.</source>
        <translation>Ausführungen insgesamt: 1 (nie wiederholen) bis 1000.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SQLSTATE (five characters, e.g. 55P03) or a class of them (two, e.g. 40).</source>
        <translation>„%1“ ist kein SQLSTATE (fünf Zeichen, z. B. 55P03) und keine Klasse davon (zwei, z. B. 40).</translation>
    </message>
    <message>
        <source>The first delay is 0 (pg_relay&apos;s fixed steps) to 86400 seconds.</source>
        <translation>Die erste Wartezeit ist 0 (die festen Stufen von pg_relay) bis 86400 Sekunden.</translation>
    </message>
    <message>
        <source>The factor is 1 to 10.</source>
        <translation>Der Faktor ist 1 bis 10.</translation>
    </message>
    <message>
        <source>The longest delay is more than 0 and at most 7 days (604800 seconds).</source>
        <translation>Die längste Wartezeit ist größer als 0 und höchstens 7 Tage (604800 Sekunden).</translation>
    </message>
    <message>
        <source>Jitter is a fraction from 0 to 1.</source>
        <translation>Die Streuung ist ein Anteil von 0 bis 1.</translation>
    </message>
    <message>
        <source>A channel cannot send its failure alerts to itself.</source>
        <translation>Ein Kanal kann seine Fehlermeldungen nicht an sich selbst senden.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ChannelPolicyDialog</name>
    <message>
        <source>Retries and failure alerts: %1</source>
        <translation>Wiederholungen und Fehlermeldungen: %1</translation>
    </message>
    <message>
        <source>none: never retry</source>
        <translation>leer: nie wiederholen</translation>
    </message>
    <message>
        <source>SQLSTATE classes (40: serialization failures and deadlocks) or codes (55P03: lock not available), separated by commas</source>
        <translation>SQLSTATE-Klassen (40: Serialisierungsfehler und Deadlocks) oder Codes (55P03: Sperre nicht verfügbar), durch Kommas getrennt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>3 s, 5 s, 10 s (pg_relay&apos;s fixed steps)</source>
        <translation>3 s, 5 s, 10 s (feste Stufen von pg_relay)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Include the failed event&apos;s payload</source>
        <translation>Nutzdaten des fehlgeschlagenen Ereignisses mitsenden</translation>
    </message>
    <message>
        <source>Off: the alert carries the event&apos;s id, channel, SQLSTATE, message (values redacted), attempts and time only</source>
        <translation>Aus: Die Meldung enthält nur ID, Kanal, SQLSTATE, Meldungstext (Werte geschwärzt), Versuche und Zeitpunkt des Ereignisses</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>&amp;Runs in all:</source>
        <translation>&amp;Ausführungen insgesamt:</translation>
    </message>
    <message>
        <source>Retry on &amp;SQLSTATEs:</source>
        <translation>Wiederholen bei &amp;SQLSTATEs:</translation>
    </message>
    <message>
        <source>&amp;First delay:</source>
        <translation>&amp;Erste Wartezeit:</translation>
    </message>
    <message>
        <source>Each delay &amp;times:</source>
        <translation>Jede Wartezeit &amp;mal:</translation>
    </message>
    <message>
        <source>&amp;Longest delay:</source>
        <translation>&amp;Längste Wartezeit:</translation>
    </message>
    <message>
        <source>&amp;Jitter (fraction taken off at random):</source>
        <translation>&amp;Streuung (zufällig abgezogener Anteil):</translation>
    </message>
    <message>
        <source>Failure alerts</source>
        <translation>Fehlermeldungen</translation>
    </message>
    <message>
        <source>&amp;Alert channel:</source>
        <translation>&amp;Meldekanal:</translation>
    </message>
    <message>
        <source>What OK runs:</source>
        <translation>Was OK ausführt:</translation>
    </message>
</context>
<context>
    <name>automv::ui::ConnectionDialog</name>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Connection — %1</source>
        <translation>Verbindung — %1</translation>
    </message>
    <message>
        <source>host name, IP address or unix socket directory</source>
        <translation>Hostname, IP-Adresse oder Unix-Socket-Verzeichnis</translation>
    </message>
    <message>
        <source>default (service, PGPORT or 5432)</source>
        <translation>Standard (Dienst, PGPORT oder 5432)</translation>
    </message>
    <message>
        <source>empty: use ~/.pgpass or PGPASSWORD</source>
        <translation>leer: ~/.pgpass oder PGPASSWORD verwenden</translation>
    </message>
    <message>
        <source>Save the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>libpq default (prefer)</source>
        <translation>libpq-Standard (prefer)</translation>
    </message>
    <message>
        <source>entry of pg_service.conf (optional)</source>
        <translation>Eintrag aus pg_service.conf (optional)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Connection colour</source>
        <translation>Farbe der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Stammzertifikat:</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>D&amp;ienst:</translation>
    </message>
    <message>
        <source>&amp;Application name:</source>
        <translation>&amp;Anwendungsname:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Enter a host (or a unix socket directory), or a service name from pg_service.conf.</source>
        <translation>Geben Sie einen Host (oder ein Unix-Socket-Verzeichnis) oder einen Dienstnamen aus pg_service.conf an.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535 (or left at the default).</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen (oder auf dem Standardwert bleiben).</translation>
    </message>
    <message>
        <source>SSL mode must be one of disable, allow, prefer, require, verify-ca, verify-full.</source>
        <translation>Der SSL-Modus muss einer der folgenden Werte sein: disable, allow, prefer, require, verify-ca, verify-full.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ConnectionsController</name>
    <message>
        <source>&amp;New connection…</source>
        <translation>&amp;Neue Verbindung…</translation>
    </message>
    <message>
        <source>No keychain is available here, so it is kept for this session only and never written to disk.</source>
        <translation>Hier ist kein Schlüsselbund verfügbar; es wird daher nur für diese Sitzung behalten und nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>It will be kept for this session; tick &quot;Save the password in the system keychain&quot; in the connection dialog to keep it in the keychain.</source>
        <translation>Es wird für diese Sitzung behalten; aktivieren Sie im Verbindungsdialog „Passwort im Schlüsselbund des Systems speichern“, um es im Schlüsselbund zu behalten.</translation>
    </message>
    <message>
        <source>the default user</source>
        <translation>den Standardbenutzer</translation>
    </message>
    <message>
        <source>The server asks for a password for %1 (connection &quot;%2&quot;), and none is saved.</source>
        <translation>Der Server verlangt ein Passwort für %1 (Verbindung „%2“), und keines ist gespeichert.</translation>
    </message>
    <message>
        <source>The server refused the password for %1 (connection &quot;%2&quot;):
%3</source>
        <translation>Der Server hat das Passwort für %1 (Verbindung „%2“) abgelehnt:
%3</translation>
    </message>
    <message>
        <source>%1

Password:
(%2)</source>
        <translation>%1

Passwort:
(%2)</translation>
    </message>
    <message>
        <source>&amp;Edit connection</source>
        <translation>Verbindung &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete connection</source>
        <translation>Verbindung &amp;löschen</translation>
    </message>
    <message>
        <source>Edit connection — %1</source>
        <translation>Verbindung bearbeiten — %1</translation>
    </message>
    <message>
        <source>empty: keep the saved password</source>
        <translation>leer: gespeichertes Passwort behalten</translation>
    </message>
    <message>
        <source>Connection %1 saved.</source>
        <translation>Verbindung %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Forget the connection %1 and its saved password? The database is not touched.</source>
        <translation>Verbindung %1 und ihr gespeichertes Passwort vergessen? Die Datenbank bleibt unberührt.</translation>
    </message>
    <message>
        <source>Connection %1 deleted.</source>
        <translation>Verbindung %1 gelöscht.</translation>
    </message>
</context>
<context>
    <name>automv::ui::DashboardPage</name>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Refresh duration per view (ms)</source>
        <translation>Aktualisierungsdauer je Sicht (ms)</translation>
    </message>
    <message>
        <source>Refreshes per hour by outcome</source>
        <translation>Aktualisierungen pro Stunde nach Ergebnis</translation>
    </message>
    <message>
        <source>pg_relay events processed per second (average of each minute)</source>
        <translation>Verarbeitete pg_relay-Ereignisse pro Sekunde (Mittelwert je Minute)</translation>
    </message>
    <message>
        <source>Queue depth (sampled every 5 s while shown)</source>
        <translation>Länge der Warteschlange (alle 5 s gemessen, solange angezeigt)</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Neither pg_relay nor pg_auto_mv is installed in this database: install them on the Install page.</source>
        <translation>Weder pg_relay noch pg_auto_mv ist in dieser Datenbank installiert: Installieren Sie sie auf der Seite „Installation“.</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>Die Kennzahlen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>events / s</source>
        <translation>Ereignisse / s</translation>
    </message>
    <message>
        <source>events waiting</source>
        <translation>wartende Ereignisse</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>Oldest due waits</source>
        <translation>Ältestes fälliges wartet</translation>
    </message>
    <message>
        <source>Done, last minute</source>
        <translation>Erledigt, letzte Minute</translation>
    </message>
    <message>
        <source>Done, last hour</source>
        <translation>Erledigt, letzte Stunde</translation>
    </message>
    <message>
        <source>Failures, last hour</source>
        <translation>Fehler, letzte Stunde</translation>
    </message>
    <message>
        <source>Attempts that ended (succeeded, retried, failed)</source>
        <translation>Beendete Versuche (erfolgreich, wiederholt, fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Attempts that were retried or failed</source>
        <translation>Versuche, die wiederholt wurden oder fehlschlugen</translation>
    </message>
    <message>
        <source>pg_relay channels now (pgrelay.queue_metrics()):</source>
        <translation>pg_relay-Kanäle jetzt (pgrelay.queue_metrics()):</translation>
    </message>
    <message>
        <source>Cannot read pgrelay.queue_metrics(): %1</source>
        <translation>pgrelay.queue_metrics() ist nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::DatabaseWorkspace</name>
    <message>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>Verbindung unterbrochen — wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) among them</source>
        <translation>
            <numerusform>%n Fehler darunter</numerusform>
            <numerusform>%n Fehler darunter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::EmbeddedProcessor</name>
    <message>
        <source>The processor is already running.</source>
        <translation>Der Prozessor läuft bereits.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ExtensionInstaller</name>
    <message>
        <source>ALTER EXTENSION %1 UPDATE from version %2 to %3</source>
        <translation>ALTER EXTENSION %1 UPDATE von Version %2 auf %3</translation>
    </message>
    <message>
        <source>CREATE EXTENSION %1 (version %2, from the server&apos;s extension files)</source>
        <translation>CREATE EXTENSION %1 (Version %2, aus den Erweiterungsdateien des Servers)</translation>
    </message>
    <message>
        <source>%1 %2 from the SQL bundled with the console (plain install, no superuser needed)</source>
        <translation>%1 %2 aus dem mit der Konsole gelieferten SQL (Installation als reines SQL, keine Superuser-Rechte nötig)</translation>
    </message>
    <message>
        <source>%1 %2 in this database is newer than this console knows (%3): use a newer console.</source>
        <translation>%1 %2 in dieser Datenbank ist neuer als die dieser Konsole bekannte Version (%3): Verwenden Sie eine neuere Konsole.</translation>
    </message>
    <message>
        <source>%1 %2 is installed from plain SQL; this console bundles %3 but no upgrade script from %2. Uninstall and install again, or install the extension files on the server.</source>
        <translation>%1 %2 ist als reines SQL installiert; diese Konsole liefert %3 mit, aber kein Upgrade-Skript von %2. Deinstallieren und installieren Sie neu oder installieren Sie die Erweiterungsdateien auf dem Server.</translation>
    </message>
    <message>
        <source>The server&apos;s extension files offer %1 %2; this console bundles %3. Install the newer extension package on the server to upgrade.</source>
        <translation>Die Erweiterungsdateien des Servers bieten %1 %2; diese Konsole liefert %3 mit. Installieren Sie für ein Upgrade das neuere Erweiterungspaket auf dem Server.</translation>
    </message>
</context>
<context>
    <name>automv::ui::GraphPage</name>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Find a table or view…</source>
        <translation>Tabelle oder Sicht suchen…</translation>
    </message>
    <message>
        <source>Nothing called &quot;%1&quot; in the graph.</source>
        <translation>Im Graphen gibt es nichts namens „%1“.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Den ganzen Graphen anzeigen</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (or the mouse wheel)</source>
        <translation>Vergrößern (oder Mausrad)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the catalog again</source>
        <translation>Katalog erneut lesen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the drawing as PNG or SVG</source>
        <translation>Zeichnung als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>From kind</source>
        <translation>Art der Quelle</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Kante</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>To kind</source>
        <translation>Art des Ziels</translation>
    </message>
    <message>
        <source>To state</source>
        <translation>Zustand des Ziels</translation>
    </message>
    <message>
        <source>Filter edges (name, kind, state…)</source>
        <translation>Kanten filtern (Name, Art, Zustand…)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <source>Add chain</source>
        <translation>Kette hinzufügen</translation>
    </message>
    <message>
        <source>Remove selected chain</source>
        <translation>Ausgewählte Kette entfernen</translation>
    </message>
    <message>
        <source>Select a chain edge in the table first.</source>
        <translation>Wählen Sie zuerst eine Kettenkante in der Tabelle aus.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren:</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nach</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>Cannot read the graph: %1</source>
        <translation>Der Graph kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges laid out in %3 ms</source>
        <translation>%1 Knoten, %2 Kanten in %3 ms angeordnet</translation>
    </message>
    <message>
        <source>Updated at %1 — %2</source>
        <translation>Aktualisiert um %1 — %2</translation>
    </message>
    <message>
        <source>Select a box to see what it reads and what reads it. Double-click a materialised view to edit its registration; Shift-drag from one view to another to chain them.</source>
        <translation>Wählen Sie ein Kästchen aus, um zu sehen, woraus es liest und wer daraus liest. Doppelklicken Sie auf eine materialisierte Sicht, um ihre Registrierung zu bearbeiten; ziehen Sie mit gedrückter Umschalttaste von einer Sicht zu einer anderen, um sie zu verketten.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Upstream&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Downstream&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Vorgelagert&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Nachgelagert&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 now refreshes after %2.</source>
        <translation>%1 wird jetzt nach %2 aktualisiert.</translation>
    </message>
    <message>
        <source>Chain %1 → %2 removed.</source>
        <translation>Kette %1 → %2 entfernt.</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>SVG-Zeichnung (*.svg);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>automv::ui::GraphStyle</name>
    <message>
        <source>&lt;b&gt;Materialised views:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Materialisierte Sichten:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>&lt;b&gt;Others:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Sonstige:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edges:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Kanten:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>reads from</source>
        <translation>liest aus</translation>
    </message>
    <message>
        <source>refresh chain</source>
        <translation>Aktualisierungskette</translation>
    </message>
    <message>
        <source>watched (triggers)</source>
        <translation>überwacht (Trigger)</translation>
    </message>
</context>
<context>
    <name>automv::ui::InstallPage</name>
    <message>
        <source>Use the SQL bundled with the console even where the server has the extension files</source>
        <translation>Mit der Konsole geliefertes SQL verwenden, auch wenn der Server die Erweiterungsdateien hat</translation>
    </message>
    <message>
        <source>&amp;Install…</source>
        <translation>&amp;Installieren…</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Als</translation>
    </message>
    <message>
        <source>Server offers</source>
        <translation>Server bietet</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Mitgeliefert</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Run the SQL shown on this database?</source>
        <translation>Das angezeigte SQL auf dieser Datenbank ausführen?</translation>
    </message>
    <message>
        <source>What will run:</source>
        <translation>Was ausgeführt wird:</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>Erweiterung</translation>
    </message>
    <message>
        <source>plain SQL</source>
        <translation>reines SQL</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 installed.</source>
        <translation>%1 installiert.</translation>
    </message>
    <message>
        <source>Installing %1 failed, nothing of it was kept: %2</source>
        <translation>Die Installation von %1 ist fehlgeschlagen, nichts davon wurde behalten: %2</translation>
    </message>
    <message>
        <source>Cannot read what is installed: %1</source>
        <translation>Es kann nicht gelesen werden, was installiert ist: %1</translation>
    </message>
    <message>
        <source>-- Both extensions are installed and up to date; nothing to do.</source>
        <translation>-- Beide Erweiterungen sind installiert und aktuell; nichts zu tun.</translation>
    </message>
    <message>
        <source>Installed.</source>
        <translation>Installiert.</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>%1 wird installiert…</translation>
    </message>
</context>
<context>
    <name>automv::ui::LocalDemo</name>
    <message>
        <source>Creating the demo cluster in %1…</source>
        <translation>Demo-Cluster wird in %1 angelegt…</translation>
    </message>
    <message>
        <source>Starting PostgreSQL on port %1…</source>
        <translation>PostgreSQL wird auf Port %1 gestartet…</translation>
    </message>
    <message>
        <source>Loading the demo schema…</source>
        <translation>Demo-Schema wird geladen…</translation>
    </message>
</context>
<context>
    <name>automv::ui::LogModel</name>
    <message>
        <source>pg_relay</source>
        <translation>pg_relay</translation>
    </message>
    <message>
        <source>pg_auto_mv</source>
        <translation>pg_auto_mv</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Channel / view</source>
        <translation>Kanal / Sicht</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Source / schedule</source>
        <translation>Quelle / Zeitplan</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>automv::ui::LogPage</name>
    <message>
        <source>Load &amp;older</source>
        <translation>Ältere la&amp;den</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Failed events</source>
        <translation>Fehlgeschlagene Ereignisse</translation>
    </message>
    <message>
        <source>Both logs</source>
        <translation>Beide Protokolle</translation>
    </message>
    <message>
        <source>pg_relay events</source>
        <translation>pg_relay-Ereignisse</translation>
    </message>
    <message>
        <source>pg_auto_mv refreshes</source>
        <translation>pg_auto_mv-Aktualisierungen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>alle Kanäle</translation>
    </message>
    <message>
        <source>any view</source>
        <translation>alle Sichten</translation>
    </message>
    <message>
        <source>any outcome</source>
        <translation>alle Ergebnisse</translation>
    </message>
    <message>
        <source>any source</source>
        <translation>alle Quellen</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>Read new rows every 2 seconds (only the rows newer than those shown)</source>
        <translation>Alle 2 Sekunden neue Zeilen lesen (nur die Zeilen, die neuer als die angezeigten sind)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>Fehlgeschlagen um</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Select a failed event to see its payload and error.</source>
        <translation>Wählen Sie ein fehlgeschlagenes Ereignis aus, um seine Nutzdaten und seinen Fehler zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation>&amp;Erneut einreihen</translation>
    </message>
    <message>
        <source>Put the selected event back in the queue to run now (pgrelay.requeue_failed)</source>
        <translation>Das ausgewählte Ereignis zur sofortigen Ausführung wieder in die Warteschlange stellen (pgrelay.requeue_failed)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Event %1 is back in the queue as event %2.</source>
        <translation>Ereignis %1 ist als Ereignis %2 wieder in der Warteschlange.</translation>
    </message>
    <message>
        <source>Could not requeue: %1</source>
        <translation>Erneutes Einreihen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not read the log: %1</source>
        <translation>Das Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source> · scroll down for older</source>
        <translation> · für ältere nach unten blättern</translation>
    </message>
    <message>
        <source> · all loaded</source>
        <translation> · alle geladen</translation>
    </message>
    <message>
        <source> · live</source>
        <translation> · live</translation>
    </message>
    <message>
        <source>Neither pg_relay nor pg_auto_mv is installed in this database: install them on the Install page.</source>
        <translation>Weder pg_relay noch pg_auto_mv ist in dieser Datenbank installiert: Installieren Sie sie auf der Seite „Installation“.</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) loaded</source>
        <translation>
            <numerusform>%Ln Zeile geladen</numerusform>
            <numerusform>%Ln Zeilen geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 on channel %2 failed after %n attempt(s): %3 %4

Payload:
%5</source>
        <translation>
            <numerusform>Ereignis %1 in Kanal %2 ist nach %n Versuch fehlgeschlagen: %3 %4

Nutzdaten:
%5</numerusform>
            <numerusform>Ereignis %1 in Kanal %2 ist nach %n Versuchen fehlgeschlagen: %3 %4

Nutzdaten:
%5</numerusform>
        </translation>
    </message>
    <message>
        <source>any SQLSTATE (a code, or a class such as 40)</source>
        <translation>jeder SQLSTATE (ein Code oder eine Klasse wie 40)</translation>
    </message>
    <message>
        <source>Requeue &amp;matching</source>
        <translation>Passende &amp;wieder einreihen</translation>
    </message>
    <message>
        <source>Every failed event of this channel and SQLSTATE back in the queue (pgrelay.requeue_failed_events)</source>
        <translation>Jedes fehlgeschlagene Ereignis dieses Kanals und SQLSTATE zurück in die Warteschlange (pgrelay.requeue_failed_events)</translation>
    </message>
    <message>
        <source>&amp;Discard matching</source>
        <translation>Passende &amp;verwerfen</translation>
    </message>
    <message>
        <source>Delete every failed event of this channel and SQLSTATE, payload and all (pgrelay.discard_failed_events); needs a channel or a SQLSTATE</source>
        <translation>Jedes fehlgeschlagene Ereignis dieses Kanals und SQLSTATE samt Nutzdaten löschen (pgrelay.discard_failed_events); braucht einen Kanal oder einen SQLSTATE</translation>
    </message>
    <message>
        <source>Failed events of channel:</source>
        <translation>Fehlgeschlagene Ereignisse des Kanals:</translation>
    </message>
    <message>
        <source>SQLSTATE:</source>
        <translation>SQLSTATE:</translation>
    </message>
    <message>
        <source>%1 failed event(s) discarded.</source>
        <translation>%1 fehlgeschlagene(s) Ereignis(se) verworfen.</translation>
    </message>
    <message>
        <source>%1 failed event(s) back in the queue.</source>
        <translation>%1 fehlgeschlagene(s) Ereignis(se) wieder in der Warteschlange.</translation>
    </message>
    <message>
        <source>The server refused this; nothing was changed:
%1</source>
        <translation>Der Server hat dies abgelehnt; nichts wurde geändert:
%1</translation>
    </message>
    <message>
        <source>Discard deletes failed events with their payload for good: give a channel or a SQLSTATE first.</source>
        <translation>Verwerfen löscht fehlgeschlagene Ereignisse samt Nutzdaten endgültig: zuerst einen Kanal oder einen SQLSTATE angeben.</translation>
    </message>
</context>
<context>
    <name>automv::ui::MainWindow</name>
    <message>
        <source>pg_auto_mv console</source>
        <translation>pg_auto_mv-Konsole</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Local demo</source>
        <translation>Lokale Demo</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Verbunden mit %1.</translation>
    </message>
    <message>
        <source>Could not connect: %1&lt;br&gt;Check the host, port, database and user, and that the server is running.</source>
        <translation>Verbindung nicht möglich: %1&lt;br&gt;Prüfen Sie Host, Port, Datenbank und Benutzer sowie, ob der Server läuft.</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (reconnecting)</source>
        <translation>%1 (Verbindung wird wiederhergestellt)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n database(s) open</source>
        <translation>
            <numerusform>%n Datenbank geöffnet</numerusform>
            <numerusform>%n Datenbanken geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>C&amp;lose database</source>
        <translation>Datenbank &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>About pg_auto_mv console</source>
        <translation>Über die pg_auto_mv-Konsole</translation>
    </message>
    <message>
        <source>&lt;b&gt;pg_auto_mv console&lt;/b&gt; %1&lt;br&gt;Keeps PostgreSQL materialised views fresh and runs pg_relay&apos;s job queue.&lt;br&gt;&lt;br&gt;Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>&lt;b&gt;pg_auto_mv-Konsole&lt;/b&gt; %1&lt;br&gt;Hält materialisierte PostgreSQL-Sichten aktuell und arbeitet die Auftragswarteschlange von pg_relay ab.&lt;br&gt;&lt;br&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The console will be in %1 from its next start.</source>
        <translation>Die Konsole verwendet ab dem nächsten Start %1.</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>&amp;Cancel my running statement</source>
        <translation>Meine laufende Anweisung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel sent: the statement you started stops and changes nothing.</source>
        <translation>Abbruch gesendet: die von Ihnen gestartete Anweisung endet und ändert nichts.</translation>
    </message>
    <message>
        <source>Cancelled what you started before it ran; nothing was changed.</source>
        <translation>Ihre Aktion wurde vor dem Start abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing you started is running.</source>
        <translation>Nichts von Ihnen Gestartetes läuft.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Theme changed.</source>
        <translation>Design geändert.</translation>
    </message>
    <message>
        <source>Closing %1…</source>
        <translation>%1 wird geschlossen…</translation>
    </message>
    <message numerus="yes">
        <source>Closing %n database(s) and stopping the local demo&apos;s server…</source>
        <translation>
            <numerusform>%n Datenbank wird geschlossen und der Server der lokalen Demo gestoppt…</numerusform>
            <numerusform>%n Datenbanken werden geschlossen und der Server der lokalen Demo gestoppt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closing %n database(s)…</source>
        <translation>
            <numerusform>%n Datenbank wird geschlossen…</numerusform>
            <numerusform>%n Datenbanken werden geschlossen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::OverviewPage</name>
    <message>
        <source>Start local &amp;demo</source>
        <translation>Lokale &amp;Demo starten</translation>
    </message>
    <message>
        <source>&amp;Generate orders</source>
        <translation>Bestellungen &amp;erzeugen</translation>
    </message>
    <message>
        <source>No database is connected. Add one with &lt;b&gt;Connection → New connection…&lt;/b&gt;, start the console with a connection string, for example &lt;tt&gt;automv-console &quot;host=db.example.com dbname=sales user=dba&quot;&lt;/tt&gt;, or set the PG* environment variables. New here? &lt;b&gt;Start local demo&lt;/b&gt; runs a private PostgreSQL with sample views that refresh themselves.</source>
        <translation>Keine Datenbank verbunden. Fügen Sie eine über &lt;b&gt;Verbindung → Neue Verbindung…&lt;/b&gt; hinzu, starten Sie die Konsole mit einer Verbindungszeichenkette, zum Beispiel &lt;tt&gt;automv-console &quot;host=db.example.com dbname=sales user=dba&quot;&lt;/tt&gt;, oder setzen Sie die PG*-Umgebungsvariablen. Neu hier? &lt;b&gt;Lokale Demo starten&lt;/b&gt; startet ein privates PostgreSQL mit Beispielsichten, die sich selbst aktualisieren.</translation>
    </message>
    <message>
        <source>Starts a private PostgreSQL in %1 with a demo schema (orders → daily → weekly, month to date), both extensions and the embedded processor, and connects to it.</source>
        <translation>Startet ein privates PostgreSQL in %1 mit einem Demo-Schema (Bestellungen → täglich → wöchentlich, laufender Monat), beiden Erweiterungen und dem eingebetteten Prozessor und verbindet sich damit.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;pg_auto_mv console&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;pg_auto_mv-Konsole&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The local demo could not start: %1</source>
        <translation>Die lokale Demo konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Starting the local demo…</source>
        <translation>Lokale Demo wird gestartet…</translation>
    </message>
    <message>
        <source>Connected to the local demo (%1). The embedded processor is running: press &lt;b&gt;Generate orders&lt;/b&gt; and watch the views refresh on the Views page.</source>
        <translation>Mit der lokalen Demo verbunden (%1). Der eingebettete Prozessor läuft: Klicken Sie auf &lt;b&gt;Bestellungen erzeugen&lt;/b&gt; und verfolgen Sie auf der Seite „Sichten“, wie sich die Sichten aktualisieren.</translation>
    </message>
    <message>
        <source>Open the local &amp;demo again</source>
        <translation>Lokale &amp;Demo wieder öffnen</translation>
    </message>
    <message>
        <source>The local demo&apos;s tab was closed. Its server keeps running until the console quits; &lt;b&gt;Open the local demo again&lt;/b&gt; reconnects to it.</source>
        <translation>Der Tab der lokalen Demo wurde geschlossen. Ihr Server läuft weiter, bis die Konsole beendet wird; &lt;b&gt;Lokale Demo wieder öffnen&lt;/b&gt; verbindet erneut.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemFix</name>
    <message>
        <source>Rebuild watch triggers (clean_mv)</source>
        <translation>Überwachungs-Trigger neu aufbauen (clean_mv)</translation>
    </message>
    <message>
        <source>Reconcile with the catalog (sync_mv)</source>
        <translation>Mit dem Katalog abgleichen (sync_mv)</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Refresh again now</source>
        <translation>Jetzt erneut aktualisieren</translation>
    </message>
    <message>
        <source>Run the suggested SQL by hand</source>
        <translation>Das vorgeschlagene SQL von Hand ausführen</translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemsModel</name>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>Information (%1)</source>
        <translation>Hinweise (%1)</translation>
    </message>
    <message>
        <source>(database)</source>
        <translation>(Datenbank)</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Was nicht stimmt</translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemsPage</name>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Beheben</translation>
    </message>
    <message>
        <source>&amp;Copy SQL</source>
        <translation>SQL &amp;kopieren</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>pg_auto_mv is not installed in this database: install it on the Install page.</source>
        <translation>pg_auto_mv ist in dieser Datenbank nicht installiert: Installieren Sie es auf der Seite „Installation“.</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft um %1</translation>
    </message>
    <message>
        <source>Cannot list the problems: %1</source>
        <translation>Die Probleme können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>The fix failed, nothing was changed: %1</source>
        <translation>Die Behebung ist fehlgeschlagen, nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Select a problem to see what is wrong and how to fix it.</source>
        <translation>Wählen Sie ein Problem aus, um zu sehen, was nicht stimmt und wie es sich beheben lässt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>die Datenbank</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>%1

sync_mv() forgets registrations and watches whose objects were dropped. Go on?</source>
        <translation>%1

sync_mv() vergisst Registrierungen und Überwachungen, deren Objekte gelöscht wurden. Fortfahren?</translation>
    </message>
    <message>
        <source>Fixed %1 (%2).</source>
        <translation>%1 behoben (%2).</translation>
    </message>
    <message>
        <source>Fixing…</source>
        <translation>Wird behoben…</translation>
    </message>
    <message>
        <source>No problems: every registered view refreshes as configured.</source>
        <translation>Keine Probleme: Jede registrierte Sicht wird wie eingestellt aktualisiert.</translation>
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
        <source>%n for information</source>
        <translation>
            <numerusform>%n zur Information</numerusform>
            <numerusform>%n zur Information</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::ProcessorPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Lebenszeichen</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>&amp;Worker:</translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation>&amp;Abfrageintervall:</translation>
    </message>
    <message>
        <source>Processors attached to this database:</source>
        <translation>An diese Datenbank angebundene Prozessoren:</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Stopped with exit code %1.</source>
        <translation>Mit Exit-Code %1 beendet.</translation>
    </message>
    <message>
        <source>Cannot read pg_relay&apos;s processor registry: %1</source>
        <translation>Das Prozessorregister von pg_relay kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <source>Running%1 · slot %2 · %3 succeeded · %4 retried · %5 failed · %6 events/s</source>
        <translation>Läuft%1 · Slot %2 · %3 erfolgreich · %4 wiederholt · %5 fehlgeschlagen · %6 Ereignisse/s</translation>
    </message>
    <message>
        <source> (standby: idle until promoted)</source>
        <translation> (Standby: untätig bis zur Hochstufung)</translation>
    </message>
    <message>
        <source>Queue: no processor attached</source>
        <translation>Warteschlange: kein Prozessor angebunden</translation>
    </message>
    <message>
        <source>Queue: %1 due now, %2 in all (scheduled and retries included)</source>
        <translation>Warteschlange: %1 jetzt fällig, %2 insgesamt (geplante Ereignisse und Wiederholungen eingeschlossen)</translation>
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
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Runs as</source>
        <translation>Läuft als</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>Einzeln</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Max parallel</source>
        <translation>Max. parallel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>An action running longer is cancelled and fails with SQLSTATE 57014 (pgrelay.alter_channel(p_timeout =&gt; …))</source>
        <translation>Eine länger laufende Aktion wird abgebrochen und schlägt mit SQLSTATE 57014 fehl (pgrelay.alter_channel(p_timeout =&gt; …))</translation>
    </message>
    <message>
        <source>At most this many events of the channel run at once, across all processors; never on a processor&apos;s last free worker</source>
        <translation>Höchstens so viele Ereignisse des Kanals laufen gleichzeitig, über alle Prozessoren; nie auf dem letzten freien Worker eines Prozessors</translation>
    </message>
    <message>
        <source>Due events of a higher priority are claimed first</source>
        <translation>Fällige Ereignisse höherer Priorität werden zuerst übernommen</translation>
    </message>
    <message>
        <source>Channels, their limits and their events:</source>
        <translation>Kanäle, ihre Grenzen und ihre Ereignisse:</translation>
    </message>
    <message>
        <source>Cannot read pg_relay&apos;s channels: %1</source>
        <translation>Die Kanäle von pg_relay können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Stopping: running actions may finish for 30 s, then they are cancelled (their events stay queued)…</source>
        <translation>Wird angehalten: laufende Aktionen dürfen 30 s lang fertig werden, dann werden sie abgebrochen (ihre Ereignisse bleiben eingereiht)…</translation>
    </message>
    <message>
        <source>&amp;Retries and alerts…</source>
        <translation>&amp;Wiederholungen und Meldungen…</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Retry on</source>
        <translation>Wiederholen bei</translation>
    </message>
    <message>
        <source>Alerts to</source>
        <translation>Meldungen an</translation>
    </message>
    <message>
        <source>Runs of an event in all, its retries included</source>
        <translation>Ausführungen eines Ereignisses insgesamt, Wiederholungen eingeschlossen</translation>
    </message>
    <message>
        <source>SQLSTATEs (classes or codes) that are retried</source>
        <translation>SQLSTATEs (Klassen oder Codes), die wiederholt werden</translation>
    </message>
    <message>
        <source>The channel told of each event that fails for good</source>
        <translation>Der Kanal, der von jedem endgültig fehlgeschlagenen Ereignis erfährt</translation>
    </message>
    <message>
        <source>Retry policy and failure alerts of the selected channel</source>
        <translation>Wiederholungsregeln und Fehlermeldungen des gewählten Kanals</translation>
    </message>
    <message>
        <source>Cannot read the channel&apos;s retry policy: %1</source>
        <translation>Die Wiederholungsregeln des Kanals sind nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::RefreshGroupsDialog</name>
    <message>
        <source>Refresh groups</source>
        <translation>Aktualisierungsgruppen</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Neue Gruppe…</translation>
    </message>
    <message>
        <source>e.g. sales_reports</source>
        <translation>z. B. sales_reports</translation>
    </message>
    <message>
        <source>The views of a group refresh together, in one transaction, whenever one of them refreshes: readers never see them disagree. Each view keeps its own watches and timing; a view is in one group at most.</source>
        <translation>Die Sichten einer Gruppe werden gemeinsam in einer Transaktion aktualisiert, sobald eine von ihnen aktualisiert wird: Leser sehen sie nie uneinig. Jede Sicht behält ihre eigenen Überwachungen und Zeiten; eine Sicht gehört höchstens einer Gruppe an.</translation>
    </message>
    <message>
        <source>&amp;Save group</source>
        <translation>Gruppe &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Drop group…</source>
        <translation>Gruppe &amp;löschen…</translation>
    </message>
    <message>
        <source>Drop refresh group</source>
        <translation>Aktualisierungsgruppe löschen</translation>
    </message>
    <message>
        <source>Drop group %1? Its views refresh alone again; the views themselves are not changed.</source>
        <translation>Gruppe %1 löschen? Ihre Sichten werden wieder einzeln aktualisiert; die Sichten selbst werden nicht verändert.</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Views in the group:</source>
        <translation>&amp;Sichten der Gruppe:</translation>
    </message>
    <message>
        <source>%1 (in group %2)</source>
        <translation>%1 (in Gruppe %2)</translation>
    </message>
    <message>
        <source>Take it out of group %1 first: a view is in one group at most.</source>
        <translation>Nehmen Sie sie zuerst aus Gruppe %1 heraus: Eine Sicht gehört höchstens einer Gruppe an.</translation>
    </message>
    <message>
        <source>Name the new group.</source>
        <translation>Geben Sie der neuen Gruppe einen Namen.</translation>
    </message>
    <message>
        <source>A group named %1 exists already: choose it above to change it.</source>
        <translation>Eine Gruppe namens %1 gibt es schon: Wählen Sie sie oben aus, um sie zu ändern.</translation>
    </message>
    <message>
        <source>Tick at least two views: a group refreshes its views together.</source>
        <translation>Wählen Sie mindestens zwei Sichten: Eine Gruppe aktualisiert ihre Sichten gemeinsam.</translation>
    </message>
    <message>
        <source>Refresh group %1 dropped; its views refresh alone again.</source>
        <translation>Aktualisierungsgruppe %1 gelöscht; ihre Sichten werden wieder einzeln aktualisiert.</translation>
    </message>
    <message>
        <source>Refresh group %1: %2 refresh together.</source>
        <translation>Aktualisierungsgruppe %1: %2 werden gemeinsam aktualisiert.</translation>
    </message>
    <message>
        <source>Dropping…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>automv::ui::RegisterDialog</name>
    <message>
        <source>Edit registration — %1.%2</source>
        <translation>Registrierung bearbeiten — %1.%2</translation>
    </message>
    <message>
        <source>Register %1.%2</source>
        <translation>%1.%2 registrieren</translation>
    </message>
    <message>
        <source>Refresh this long after the most recent change (debounce).</source>
        <translation>So lange nach der letzten Änderung aktualisieren (Entprellung).</translation>
    </message>
    <message>
        <source>Refresh at the latest this long after the first unrefreshed change; 0: no maximum.</source>
        <translation>Spätestens so lange nach der ersten noch nicht übernommenen Änderung aktualisieren; 0: kein Maximum.</translation>
    </message>
    <message>
        <source>At least this long between two refreshes&apos; completions.</source>
        <translation>Mindestens so lange zwischen dem Abschluss zweier Aktualisierungen.</translation>
    </message>
    <message>
        <source>How long a refresh waits for its lock before it retries later.</source>
        <translation>Wie lange eine Aktualisierung auf ihre Sperre wartet, bevor sie es später erneut versucht.</translation>
    </message>
    <message>
        <source>Also refresh on changes applied by logical replication (fire_on_replica)</source>
        <translation>Auch bei Änderungen durch logische Replikation aktualisieren (fire_on_replica)</translation>
    </message>
    <message>
        <source>Refresh &amp;lag:</source>
        <translation>&amp;Verzögerung:</translation>
    </message>
    <message>
        <source>&amp;Max wait:</source>
        <translation>&amp;Maximale Wartezeit:</translation>
    </message>
    <message>
        <source>&amp;Cooldown:</source>
        <translation>&amp;Ruhezeit:</translation>
    </message>
    <message>
        <source>Lock &amp;timeout:</source>
        <translation>Sperr-&amp;Timeout:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Only columns read (UPDATE)</source>
        <translation>Nur gelesene Spalten (UPDATE)</translation>
    </message>
    <message>
        <source>Only UPDATEs of the columns the view reads request a refresh (from pg_depend)</source>
        <translation>Nur UPDATEs der Spalten, die die Sicht liest, fordern eine Aktualisierung an (aus pg_depend)</translation>
    </message>
    <message>
        <source>&amp;Add table…</source>
        <translation>Tabelle &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Watch a table</source>
        <translation>Tabelle überwachen</translation>
    </message>
    <message>
        <source>Table (schema.table):</source>
        <translation>Tabelle (Schema.Tabelle):</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Changes to these tables request a refresh. Suggested from the view&apos;s dependencies; none: refresh only by schedule, chain or on demand.</source>
        <translation>Änderungen an diesen Tabellen fordern eine Aktualisierung an. Vorgeschlagen anhand der Abhängigkeiten der Sicht; keine: Aktualisierung nur per Zeitplan, Kette oder auf Anforderung.</translation>
    </message>
    <message>
        <source>&amp;Timing</source>
        <translation>&amp;Zeitverhalten</translation>
    </message>
    <message>
        <source>&amp;Watched tables</source>
        <translation>Über&amp;wachte Tabellen</translation>
    </message>
    <message>
        <source>SQL &amp;preview</source>
        <translation>S&amp;QL-Vorschau</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>A refresh running longer is cancelled and logged as failed (57014); 0: no limit.</source>
        <translation>Eine länger laufende Aktualisierung wird abgebrochen und als fehlgeschlagen protokolliert (57014); 0: keine Grenze.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&amp;Refresh timeout:</source>
        <translation>Aktualisierungs-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Wird registriert…</translation>
    </message>
    <message>
        <source>(the database&apos;s default)</source>
        <translation>(Standard der Datenbank)</translation>
    </message>
    <message>
        <source>%1 (no longer exists)</source>
        <translation>%1 (existiert nicht mehr)</translation>
    </message>
    <message>
        <source>A refresh that fails for good (not a retried class-40 error) notifies this pg_relay channel with the view, SQLSTATE, message and failures in a row.</source>
        <translation>Eine endgültig fehlgeschlagene Aktualisierung (kein wiederholter Fehler der Klasse 40) benachrichtigt diesen pg_relay-Kanal mit Sicht, SQLSTATE, Meldung und Anzahl der Fehlschläge in Folge.</translation>
    </message>
    <message>
        <source>On &amp;failure, notify:</source>
        <translation>Bei &amp;Fehler benachrichtigen:</translation>
    </message>
    <message>
        <source>Blackout windows:</source>
        <translation>Sperrfenster:</translation>
    </message>
    <message>
        <source>none — no automatic refresh is held back (pgauto_mv.add_blackout() adds a window)</source>
        <translation>keine — keine automatische Aktualisierung wird zurückgehalten (pgauto_mv.add_blackout() legt ein Fenster an)</translation>
    </message>
    <message>
        <source>When more refreshes are due than may run at once (setting max_parallel_refreshes), the higher priority starts first; -1000 to 1000, default 0.</source>
        <translation>Sind mehr Aktualisierungen fällig, als gleichzeitig laufen dürfen (Einstellung max_parallel_refreshes), beginnt die höhere Priorität zuerst; -1000 bis 1000, Standard 0.</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorität:</translation>
    </message>
</context>
<context>
    <name>automv::ui::Registration</name>
    <message>
        <source>Choose a materialised view.</source>
        <translation>Wählen Sie eine materialisierte Sicht aus.</translation>
    </message>
    <message>
        <source>Timings are seconds from 0 to 86400.</source>
        <translation>Zeitangaben sind Sekunden von 0 bis 86400.</translation>
    </message>
    <message>
        <source>The lock timeout is seconds from 0.01 to 86400.</source>
        <translation>Das Sperr-Timeout beträgt 0,01 bis 86400 Sekunden.</translation>
    </message>
    <message>
        <source>A watched table has no name.</source>
        <translation>Eine überwachte Tabelle hat keinen Namen.</translation>
    </message>
    <message>
        <source>Table %1 is watched twice; give each table once.</source>
        <translation>Tabelle %1 wird doppelt überwacht; geben Sie jede Tabelle nur einmal an.</translation>
    </message>
    <message>
        <source>Tick at least one operation for %1 (or remove it).</source>
        <translation>Wählen Sie mindestens eine Operation für %1 aus (oder entfernen Sie die Tabelle).</translation>
    </message>
    <message>
        <source>&quot;Only columns read (UPDATE)&quot; applies to UPDATE: tick UPDATE for %1.</source>
        <translation>„Nur gelesene Spalten (UPDATE)“ gilt für UPDATE: Aktivieren Sie UPDATE für %1.</translation>
    </message>
    <message>
        <source>The priority is a whole number from -1000 to 1000.</source>
        <translation>Die Priorität ist eine ganze Zahl von -1000 bis 1000.</translation>
    </message>
</context>
<context>
    <name>automv::ui::RelaySchedulesPanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Its pending run leaves the queue; nothing runs until resumed</source>
        <translation>Sein anstehender Lauf verlässt die Warteschlange; bis zum Fortsetzen läuft nichts</translation>
    </message>
    <message>
        <source>Runs at its next occurrence after now; runs missed while paused are not made up</source>
        <translation>Läuft beim nächsten Termin ab jetzt; während der Pause verpasste Läufe werden nicht nachgeholt</translation>
    </message>
    <message>
        <source>Scheduled jobs (pgrelay.schedule):</source>
        <translation>Geplante Aufträge (pgrelay.schedule):</translation>
    </message>
    <message>
        <source>Schedule %1 paused.</source>
        <translation>Zeitplan %1 angehalten.</translation>
    </message>
    <message>
        <source>Schedule %1 resumed.</source>
        <translation>Zeitplan %1 fortgesetzt.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>The server refused this; nothing was changed:
%1</source>
        <translation>Der Server hat dies abgelehnt; nichts wurde geändert:
%1</translation>
    </message>
    <message>
        <source>Cannot read pg_relay&apos;s schedules: %1</source>
        <translation>Die Zeitpläne von pg_relay sind nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::SchedulesPage</name>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <source>C&amp;ron</source>
        <translation>&amp;Cron</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <source>Next run (its time zone)</source>
        <translation>Nächste Ausführung (in seiner Zeitzone)</translation>
    </message>
    <message>
        <source>nightly</source>
        <translation>nächtlich</translation>
    </message>
    <message>
        <source>0 */5 * * * *  (seconds first when 6 fields)</source>
        <translation>0 */5 * * * *  (bei 6 Feldern zuerst die Sekunden)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Ausführung:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Next five runs:</source>
        <translation>Nächste fünf Ausführungen:</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>Zeitplan &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Drop schedule…</source>
        <translation>Zeitplan &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>Zu&amp;ordnen</translation>
    </message>
    <message>
        <source>De&amp;tach</source>
        <translation>Zuordnung auf&amp;heben</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Sicht:</translation>
    </message>
    <message>
        <source>Views refreshed by the selected schedule</source>
        <translation>Vom ausgewählten Zeitplan aktualisierte Sichten</translation>
    </message>
    <message>
        <source>Enter an interval or a cron rule.</source>
        <translation>Geben Sie ein Intervall oder eine cron-Regel ein.</translation>
    </message>
    <message>
        <source>Schedule %1 saved.</source>
        <translation>Zeitplan %1 gespeichert.</translation>
    </message>
    <message>
        <source>Drop schedule</source>
        <translation>Zeitplan löschen</translation>
    </message>
    <message>
        <source>Drop schedule %1? Its views keep refreshing on their watches.</source>
        <translation>Zeitplan %1 löschen? Seine Sichten werden weiterhin über ihre Überwachungen aktualisiert.</translation>
    </message>
    <message>
        <source>Schedule %1 dropped.</source>
        <translation>Zeitplan %1 gelöscht.</translation>
    </message>
    <message>
        <source>%1 attached to %2.</source>
        <translation>%1 wurde %2 zugeordnet.</translation>
    </message>
    <message>
        <source>%1 detached from %2.</source>
        <translation>Zuordnung von %1 zu %2 aufgehoben.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message numerus="yes">
        <source>%n schedule(s).</source>
        <translation>
            <numerusform>%n Zeitplan.</numerusform>
            <numerusform>%n Zeitpläne.</numerusform>
        </translation>
    </message>
    <message>
        <source>The interval must be longer than zero.</source>
        <translation>Das Intervall muss länger als null sein.</translation>
    </message>
    <message>
        <source>Not saved, nothing changed: %1</source>
        <translation>Nicht gespeichert, nichts geändert: %1</translation>
    </message>
    <message>
        <source>Cannot list the schedules (is pg_auto_mv installed?): %1</source>
        <translation>Die Zeitpläne können nicht aufgelistet werden (ist pg_auto_mv installiert?): %1</translation>
    </message>
    <message>
        <source>Pick a schedule in the list (or save the one in the editor) first.</source>
        <translation>Wählen Sie zuerst einen Zeitplan in der Liste (oder speichern Sie den im Editor).</translation>
    </message>
    <message>
        <source>Pick a registered view first.</source>
        <translation>Wählen Sie zuerst eine registrierte Sicht.</translation>
    </message>
    <message>
        <source>Drop schedule %1</source>
        <translation>Zeitplan %1 löschen</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>alle %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::SessionWorker</name>
    <message>
        <source>%1@%2:%3/%4 — PostgreSQL %5</source>
        <translation>%1@%2:%3/%4 — PostgreSQL %5</translation>
    </message>
    <message>
        <source>The connection was lost; reconnecting.</source>
        <translation>Die Verbindung wurde unterbrochen; sie wird wiederhergestellt.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Cancelled before it started; nothing was changed.</source>
        <translation>Vor dem Start abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>automv::ui::SubmittingDialog</name>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message>
        <source>The server refused this; nothing was changed:
%1</source>
        <translation>Der Server hat dies abgelehnt; nichts wurde geändert:
%1</translation>
    </message>
</context>
<context>
    <name>automv::ui::ViewsModel</name>
    <message>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Überwachungen</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>Changes made %1 ago are not in the view yet.</source>
        <translation>Änderungen von vor %1 sind noch nicht in der Sicht.</translation>
    </message>
    <message>
        <source>Unrefreshed for</source>
        <translation>Nicht aktualisiert seit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Refresh group</source>
        <translation>Aktualisierungsgruppe</translation>
    </message>
</context>
<context>
    <name>automv::ui::ViewsPage</name>
    <message>
        <source>Filter views (name, state, table…)</source>
        <translation>Sichten filtern (Name, Zustand, Tabelle…)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>&amp;Register / edit…</source>
        <translation>&amp;Registrieren / bearbeiten…</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Unregister…</source>
        <translation>Registrierung &amp;aufheben…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Select a materialised view first.</source>
        <translation>Wählen Sie zuerst eine materialisierte Sicht aus.</translation>
    </message>
    <message>
        <source>Registration of %1 changed.</source>
        <translation>Registrierung von %1 geändert.</translation>
    </message>
    <message>
        <source>%1 registered.</source>
        <translation>%1 registriert.</translation>
    </message>
    <message>
        <source>%1.%2 is not listed yet; reload and try again.</source>
        <translation>%1.%2 ist noch nicht aufgeführt; laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Select a registered view first.</source>
        <translation>Wählen Sie zuerst eine registrierte Sicht aus.</translation>
    </message>
    <message>
        <source>Refresh of %1 requested; the processor runs it.</source>
        <translation>Aktualisierung von %1 angefordert; der Prozessor führt sie aus.</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Registrierung aufheben</translation>
    </message>
    <message>
        <source>Stop refreshing %1 automatically? The view itself is not changed.</source>
        <translation>%1 nicht mehr automatisch aktualisieren? Die Sicht selbst wird nicht verändert.</translation>
    </message>
    <message>
        <source>%1 unregistered.</source>
        <translation>Registrierung von %1 aufgehoben.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message numerus="yes">
        <source>%n materialised view(s) · updated %1</source>
        <translation>
            <numerusform>%n materialisierte Sicht · aktualisiert um %1</numerusform>
            <numerusform>%n materialisierte Sichten · aktualisiert um %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not read the views: %1</source>
        <translation>Die Sichten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Export views</source>
        <translation>Sichten exportieren</translation>
    </message>
    <message>
        <source>Select a materialised view in the list first.</source>
        <translation>Wählen Sie zuerst eine materialisierte Sicht in der Liste.</translation>
    </message>
    <message>
        <source>Edit how %1 is refreshed</source>
        <translation>Bearbeiten, wie %1 aktualisiert wird</translation>
    </message>
    <message>
        <source>Register %1 with pg_auto_mv</source>
        <translation>%1 bei pg_auto_mv registrieren</translation>
    </message>
    <message>
        <source>%1 is not registered.</source>
        <translation>%1 ist nicht registriert.</translation>
    </message>
    <message>
        <source>this database has no materialised view yet: create one (CREATE MATERIALIZED VIEW), then register it here; or try the local demo from the Overview tab.</source>
        <translation>diese Datenbank hat noch keine materialisierte Sicht: legen Sie eine an (CREATE MATERIALIZED VIEW) und registrieren Sie sie hier, oder probieren Sie die lokale Demo im Übersicht-Tab.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Fort&amp;setzen</translation>
    </message>
    <message>
        <source>Refresh %1 automatically again (once now if it changed while paused)</source>
        <translation>%1 wieder automatisch aktualisieren (einmal sofort, falls sie sich während der Pause geändert hat)</translation>
    </message>
    <message>
        <source>Stop refreshing %1 automatically; its changes are remembered</source>
        <translation>%1 nicht mehr automatisch aktualisieren; ihre Änderungen werden vermerkt</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 fortgesetzt.</translation>
    </message>
    <message>
        <source>%1 paused: its changes are remembered until you resume it.</source>
        <translation>%1 pausiert: ihre Änderungen werden vermerkt, bis Sie sie fortsetzen.</translation>
    </message>
    <message>
        <source>Refresh &amp;groups…</source>
        <translation>Aktualisierungs&amp;gruppen…</translation>
    </message>
    <message>
        <source>Views that refresh together, in one transaction</source>
        <translation>Sichten, die gemeinsam in einer Transaktion aktualisiert werden</translation>
    </message>
    <message>
        <source>Blackout &amp;windows…</source>
        <translation>&amp;Sperrzeiten…</translation>
    </message>
    <message>
        <source>Times when no view (or the selected one) is refreshed automatically</source>
        <translation>Zeiten, in denen keine Sicht (oder die ausgewählte) automatisch aktualisiert wird</translation>
    </message>
    <message>
        <source>&amp;Capture…</source>
        <translation>&amp;Erfassung …</translation>
    </message>
    <message>
        <source>How changes are noticed: watch triggers or the WAL</source>
        <translation>Wie Änderungen bemerkt werden: Beobachtungstrigger oder das WAL</translation>
    </message>
    <message>
        <source>&amp;Capture: WAL…</source>
        <translation>&amp;Erfassung: WAL …</translation>
    </message>
    <message>
        <source>&amp;Capture: triggers…</source>
        <translation>&amp;Erfassung: Trigger …</translation>
    </message>
    <message>
        <source>Changes are read from the WAL: %1</source>
        <translation>Änderungen werden aus dem WAL gelesen: %1</translation>
    </message>
    <message>
        <source>Changes are noticed by watch triggers</source>
        <translation>Änderungen werden von Beobachtungstriggern bemerkt</translation>
    </message>
    <message>
        <source>The WAL capture slot was lost at %1; back to triggers</source>
        <translation>Der WAL-Erfassungsslot ging um %1 verloren; zurück zu Triggern</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Console for pg_auto_mv and pg_relay: keep PostgreSQL materialised views fresh.</source>
        <translation>Konsole für pg_auto_mv und pg_relay: hält materialisierte PostgreSQL-Sichten aktuell.</translation>
    </message>
    <message>
        <source>libpq connection string or URI to open at start.</source>
        <translation>libpq-Verbindungszeichenkette oder URI, die beim Start geöffnet wird.</translation>
    </message>
    <message>
        <source>Start the local demo database and connect to it.</source>
        <translation>Die lokale Demo-Datenbank starten und sich mit ihr verbinden.</translation>
    </message>
</context>
</TS>
