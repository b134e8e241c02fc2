-- The local demo's schema: sales orders -> daily revenue -> weekly revenue and month to date,
-- registered with pg_auto_mv and chained. Loaded once into the demo database.
create table public.orders (
    id         bigserial primary key,
    ordered_at timestamptz not null default now(),
    customer   text not null,
    amount     numeric(10, 2) not null check (amount > 0)
);
insert into public.orders (ordered_at, customer, amount)
select now() - make_interval(mins => g * 7), 'customer ' || (g % 40), round((1 + random() * 199)::numeric, 2)
  from generate_series(1, 5000) g;

create materialized view public.daily_revenue as
select ordered_at::date as day, count(*) as orders, sum(amount) as revenue
  from public.orders group by 1;
create unique index on public.daily_revenue (day);

create materialized view public.weekly_revenue as
select date_trunc('week', day)::date as week, sum(orders) as orders, sum(revenue) as revenue
  from public.daily_revenue group by 1;
create unique index on public.weekly_revenue (week);

create materialized view public.month_to_date as
select count(*) as days, coalesce(sum(orders), 0) as orders, coalesce(sum(revenue), 0) as revenue
  from public.daily_revenue where day >= date_trunc('month', current_date);
create unique index on public.month_to_date (days);

select pgauto_mv.register_mv('daily_revenue', p_watch_tables => array[pgauto_mv.mv_watch('public.orders')],
                             p_refresh_lag => 1, p_max_wait => 10, p_cooldown => 2);
select pgauto_mv.register_mv('weekly_revenue', p_cooldown => 2);
select pgauto_mv.register_mv('month_to_date', p_cooldown => 2);
select pgauto_mv.add_chain('public.daily_revenue', 'public.weekly_revenue');
select pgauto_mv.add_chain('public.daily_revenue', 'public.month_to_date');
