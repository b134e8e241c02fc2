-- pg_auto_mv: its two pg_relay channels.
do $channels$
begin
    perform pgrelay.create_channel('pgauto_mv.drain', 'select pgauto_mv.on_drain_event($1)',
                                   'Built in (pg_auto_mv): takes the watch triggers'' requests and arms the views'' timers');
    perform pgrelay.create_channel('pgauto_mv.refresh', 'select pgauto_mv.on_refresh_event($1)',
                                   'Built in (pg_auto_mv): refreshes one materialised view, in a transaction of its own',
                                   p_solo => true);
end
$channels$;
