<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>automv::ui::DatabaseWorkspace</name>
    <message numerus="yes">
        <source>%n error(s) among them</source>
        <translation>
            <numerusform>%n error among them</numerusform>
            <numerusform>%n errors among them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::LogPage</name>
    <message numerus="yes">
        <source>%Ln row(s) loaded</source>
        <translation>
            <numerusform>%Ln row loaded</numerusform>
            <numerusform>%Ln rows loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 on channel %2 failed after %n attempt(s): %3 %4

Payload:
%5</source>
        <translation>
            <numerusform>Event %1 on channel %2 failed after %n attempt: %3 %4

Payload:
%5</numerusform>
            <numerusform>Event %1 on channel %2 failed after %n attempts: %3 %4

Payload:
%5</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n database(s) open</source>
        <translation>
            <numerusform>%n database open</numerusform>
            <numerusform>%n databases open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closing %n database(s) and stopping the local demo&apos;s server…</source>
        <translation>
            <numerusform>Closing %n database and stopping the local demo&apos;s server…</numerusform>
            <numerusform>Closing %n databases and stopping the local demo&apos;s server…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closing %n database(s)…</source>
        <translation>
            <numerusform>Closing %n database…</numerusform>
            <numerusform>Closing %n databases…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemsPage</name>
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
        <source>%n for information</source>
        <translation>
            <numerusform>%n for information</numerusform>
            <numerusform>%n for information</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::SchedulesPage</name>
    <message numerus="yes">
        <source>%n schedule(s).</source>
        <translation>
            <numerusform>%n schedule.</numerusform>
            <numerusform>%n schedules.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::ViewsPage</name>
    <message numerus="yes">
        <source>%n materialised view(s) · updated %1</source>
        <translation>
            <numerusform>%n materialised view · updated %1</numerusform>
            <numerusform>%n materialised views · updated %1</numerusform>
        </translation>
    </message>
</context>
</TS>
