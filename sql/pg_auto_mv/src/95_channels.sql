-- pg_auto_mv: its two pg_relay channels.
do $channels$
begin
    perform pgrelay.create_internal_channel('pgauto_mv.drain', 'select pgauto_mv.on_drain_event($1)',
                                   'Built in (pg_auto_mv): takes the watch triggers'' requests and arms the views'' timers');
    perform pgrelay.create_internal_channel('pgauto_mv.refresh', 'select pgauto_mv.on_refresh_event($1)',
                                   'Built in (pg_auto_mv): refreshes one materialised view, in a transaction of its own',
                                   p_solo => true,
                                   -- At most 4 refreshes at once across all processors, and never
                                   -- a processor's last free worker (pgrelay.alter_channel changes it).
                                   p_max_parallel => 4);
    perform pgrelay.schedule_internal('pgauto_mv.drain', 'pgauto_mv.drain', p_every => interval '10 s');   -- safety net
    perform pgrelay.create_internal_channel('pgauto_mv.capture', 'select pgauto_mv.on_capture_event($1)',
                                   'Built in (pg_auto_mv): in WAL capture mode, reads the slot and turns committed changes into refresh requests');
    perform pgrelay.schedule_internal('pgauto_mv.capture', 'pgauto_mv.capture', p_every => interval '10 s');   -- restarts a broken chain
    perform pgrelay.create_internal_channel('pgauto_mv.schedule', 'select pgauto_mv.on_schedule_event($1)',
                                   'Built in (pg_auto_mv): a named schedule fired; requests refreshes of its views');
    perform pgrelay.create_internal_channel('pgauto_mv.sync', 'select pgauto_mv.sync_mv()',
                                   'Built in (pg_auto_mv): nightly reconciliation of the registry with the catalog');
    perform pgrelay.schedule_internal('pgauto_mv.sync', 'pgauto_mv.sync', p_cron => '17 3 * * *');
    perform pgrelay.create_internal_channel('pgauto_mv.purge_log', 'select pgauto_mv.purge_log()',
                                   'Built in (pg_auto_mv): deletes refresh_log rows older than the log_retention setting');
    perform pgrelay.schedule_internal('pgauto_mv.purge_log', 'pgauto_mv.purge_log', p_every => interval '1 hour');
end
$channels$;
