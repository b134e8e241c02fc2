-- pg_relay: built-in recurring jobs.
do $builtin$
begin
    perform pgrelay.create_internal_channel('pgrelay.purge_log', 'select pgrelay.purge_log()',
                                   'Built in: deletes log rows older than the log_retention setting');
    perform pgrelay.schedule_internal('pgrelay.purge_log', 'pgrelay.purge_log', p_every => interval '1 hour');
end
$builtin$;
