-- pg_auto_mv: its two pg_relay channels.
do $channels$
begin
    perform pgrelay.create_channel('pgauto_mv.change', 'select pgauto_mv.on_change_event($1)',
                                   'Built in (pg_auto_mv): data of watched tables changed; arms the views'' timers');
    perform pgrelay.create_channel('pgauto_mv.refresh', 'select pgauto_mv.on_refresh_event($1)',
                                   'Built in (pg_auto_mv): refreshes one materialised view, in a transaction of its own',
                                   p_solo => true);
end
$channels$;
