-- pg_relay: built-in recurring jobs.
do $builtin$
begin
    perform pgrelay.create_internal_channel('pgrelay.purge_log', 'select pgrelay.purge_log(), pgrelay.purge_failed()',
                                   'Built in: deletes log rows older than the log_retention setting and dead letters older than failed_retention');
    perform pgrelay.schedule_internal('pgrelay.purge_log', 'pgrelay.purge_log', p_every => interval '1 hour');
end
$builtin$;
