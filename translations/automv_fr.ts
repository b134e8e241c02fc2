<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Csv</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Detail: %1</source>
        <translation>Détail : %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Conseil : %1</translation>
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
        <translation>Aucun mot de passe n&apos;est enregistré pour cette connexion.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Le trousseau a refusé l&apos;accès&#xa0;: %1</translation>
    </message>
    <message>
        <source>No keychain is available here (%1); the password will be asked for each session and never saved.</source>
        <translation>Aucun trousseau n&apos;est disponible ici (%1)&#xa0;; le mot de passe sera demandé à chaque session et jamais enregistré.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>PG_BINDIR is set to %1, but that directory has no PostgreSQL server programs (initdb, pg_ctl, postgres). Point it at the server&apos;s bin directory or unset it.</source>
        <translation>PG_BINDIR vaut %1, mais ce répertoire ne contient pas les programmes du serveur PostgreSQL (initdb, pg_ctl, postgres). Faites-le pointer vers le répertoire bin du serveur ou supprimez-le.</translation>
    </message>
    <message>
        <source>No PostgreSQL server programs (initdb, pg_ctl) were found. Install the server (Debian/Ubuntu: apt install postgresql) or set PG_BINDIR to its bin directory.</source>
        <translation>Aucun programme du serveur PostgreSQL (initdb, pg_ctl) n&apos;a été trouvé. Installez le serveur (Debian/Ubuntu&#xa0;: apt install postgresql) ou définissez PG_BINDIR sur son répertoire bin.</translation>
    </message>
    <message>
        <source>cannot run %1</source>
        <translation>impossible d&apos;exécuter %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>échec de %1&#xa0;: %2</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
</context>
<context>
    <name>automv::ui::BlackoutDialog</name>
    <message>
        <source>Blackout windows</source>
        <translation>Plages d’interdiction</translation>
    </message>
    <message>
        <source>%1 — every view</source>
        <translation>%1 — toutes les vues</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Retirer…</translation>
    </message>
    <message>
        <source>Remove blackout window</source>
        <translation>Retirer la plage d’interdiction</translation>
    </message>
    <message>
        <source>Remove the window %1? Refreshes it held back run when due.</source>
        <translation>Retirer la plage %1 ? Les actualisations retenues s’exécutent à leur échéance.</translation>
    </message>
    <message>
        <source>Mon-Fri, Sat,Sun, daily, weekdays, weekends</source>
        <translation>Mon-Fri, Sat,Sun, daily, weekdays, weekends</translation>
    </message>
    <message>
        <source>An end before the start ends the next day (22:00–06:00).</source>
        <translation>Une fin avant le début se termine le lendemain (22:00–06:00).</translation>
    </message>
    <message>
        <source>Only %1.%2</source>
        <translation>Seulement %1.%2</translation>
    </message>
    <message>
        <source>Every view (pg_auto_mv&apos;s installing role only)</source>
        <translation>Toutes les vues (seul le rôle qui a installé pg_auto_mv)</translation>
    </message>
    <message>
        <source>No automatic refresh runs inside a window: a change made in one refreshes when it closes, and max_wait counts from there. A manual refresh still runs.</source>
        <translation>Aucune actualisation automatique dans une plage : une modification faite pendant celle-ci est actualisée à sa fin, et max_wait compte à partir de là. Une actualisation manuelle s’exécute quand même.</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Jours :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À :</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
        <source>&amp;Holds:</source>
        <translation>&amp;S’applique à :</translation>
    </message>
    <message>
        <source>&amp;Add window</source>
        <translation>&amp;Ajouter la plage</translation>
    </message>
    <message>
        <source>New window:</source>
        <translation>Nouvelle plage :</translation>
    </message>
    <message>
        <source>Select a window to remove.</source>
        <translation>Sélectionnez la plage à retirer.</translation>
    </message>
    <message>
        <source>Give the days, e.g. Mon-Fri, Sat,Sun or daily.</source>
        <translation>Indiquez les jours, p. ex. Mon-Fri, Sat,Sun ou daily.</translation>
    </message>
    <message>
        <source>A window cannot start and end at the same time.</source>
        <translation>Une plage ne peut pas commencer et finir à la même heure.</translation>
    </message>
    <message>
        <source>Give a time zone, e.g. UTC or Europe/London.</source>
        <translation>Indiquez un fuseau horaire, p. ex. UTC ou Europe/London.</translation>
    </message>
    <message>
        <source>Blackout window %1 removed.</source>
        <translation>Plage d’interdiction %1 retirée.</translation>
    </message>
    <message>
        <source>Blackout window %1 %2–%3 %4 added for %5.</source>
        <translation>Plage d’interdiction %1 %2–%3 %4 ajoutée pour %5.</translation>
    </message>
    <message>
        <source>every view</source>
        <translation>toutes les vues</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Retrait…</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
</context>
<context>
    <name>automv::ui::CaptureDialog</name>
    <message>
        <source>Change capture</source>
        <translation>Capture des modifications</translation>
    </message>
    <message>
        <source>&amp;Triggers — each write to a watched table also writes a small request (the default; works everywhere)</source>
        <translation>&amp;Triggers — chaque écriture dans une table surveillée écrit aussi une petite demande (par défaut ; fonctionne partout)</translation>
    </message>
    <message>
        <source>&amp;WAL — writers run nothing; the processor reads the changes from a logical replication slot</source>
        <translation>&amp;WAL — les écrivains n&apos;exécutent rien ; le processeur lit les modifications dans un slot de réplication logique</translation>
    </message>
    <message>
        <source>WAL (slot %1)</source>
        <translation>WAL (slot %1)</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Triggers</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Actuellement :</translation>
    </message>
    <message>
        <source>Capture lag:</source>
        <translation>Retard de capture :</translation>
    </message>
    <message>
        <source>Watched tables:</source>
        <translation>Tables surveillées :</translation>
    </message>
    <message>
        <source>%1 read from the WAL, %2 with triggers</source>
        <translation>%1 lues dans le WAL, %2 par triggers</translation>
    </message>
    <message>
        <source>The slot was lost at %1 (%2): every view it watched was refreshed and capture went back to triggers. Raise max_slot_wal_keep_size, then choose WAL again.</source>
        <translation>Le slot a été perdu à %1 (%2) : chaque vue qu&apos;il surveillait a été rafraîchie et la capture est revenue aux triggers. Augmentez max_slot_wal_keep_size, puis choisissez de nouveau WAL.</translation>
    </message>
    <message>
        <source>Lost:</source>
        <translation>Perdu :</translation>
    </message>
    <message>
        <source>WAL capture needs wal_level = logical and the REPLICATION attribute for pg_auto_mv&apos;s role. A slot keeps WAL until it is read: set max_slot_wal_keep_size so a processor that is down cannot fill the disk. Tables without a primary key keep their triggers. Switching never loses a change; only pg_auto_mv&apos;s installing role may switch.</source>
        <translation>La capture WAL nécessite wal_level = logical et l&apos;attribut REPLICATION pour le rôle de pg_auto_mv. Un slot conserve le WAL jusqu&apos;à sa lecture : réglez max_slot_wal_keep_size pour qu&apos;un processeur arrêté ne puisse pas remplir le disque. Les tables sans clé primaire gardent leurs triggers. Basculer ne perd aucune modification ; seul le rôle qui a installé pg_auto_mv peut basculer.</translation>
    </message>
    <message>
        <source>&amp;Switch</source>
        <translation>&amp;Basculer</translation>
    </message>
    <message>
        <source>Changes are now read from the WAL.</source>
        <translation>Les modifications sont désormais lues dans le WAL.</translation>
    </message>
    <message>
        <source>Changes are now captured by triggers.</source>
        <translation>Les modifications sont désormais capturées par des triggers.</translation>
    </message>
    <message>
        <source>no slot</source>
        <translation>aucun slot</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>%1 de retard</translation>
    </message>
    <message>
        <source>, a processor streams it</source>
        <translation>, un processeur le lit en flux</translation>
    </message>
    <message>
        <source>, last read %1 s ago (no processor streams it)</source>
        <translation>, lu il y a %1 s (aucun processeur ne le lit en flux)</translation>
    </message>
    <message>
        <source> (slot WAL: %1)</source>
        <translation> (WAL du slot : %1)</translation>
    </message>
    <message>
        <source>Changes are read from the WAL already.</source>
        <translation>Les modifications sont déjà lues dans le WAL.</translation>
    </message>
    <message>
        <source>Changes are captured by triggers already.</source>
        <translation>Les modifications sont déjà capturées par des triggers.</translation>
    </message>
    <message>
        <source>Switching… (this waits for transactions in progress)</source>
        <translation>Bascule… (attend les transactions en cours)</translation>
    </message>
</context>
<context>
    <name>automv::ui::ChannelPolicy</name>
    <message>
        <source>Choose a channel.</source>
        <translation>Choisissez un canal.</translation>
    </message>
    <message>
        <source>Runs in all are 1 (never retry) to 1000.</source>
        <translation>Exécutions au total : de 1 (jamais de nouvel essai) à 1000.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SQLSTATE (five characters, e.g. 55P03) or a class of them (two, e.g. 40).</source>
        <translation>« %1 » n’est ni un SQLSTATE (cinq caractères, p. ex. 55P03) ni une classe de SQLSTATE (deux, p. ex. 40).</translation>
    </message>
    <message>
        <source>The first delay is 0 (pg_relay&apos;s fixed steps) to 86400 seconds.</source>
        <translation>Le premier délai va de 0 (les paliers fixes de pg_relay) à 86400 secondes.</translation>
    </message>
    <message>
        <source>The factor is 1 to 10.</source>
        <translation>Le facteur va de 1 à 10.</translation>
    </message>
    <message>
        <source>The longest delay is more than 0 and at most 7 days (604800 seconds).</source>
        <translation>Le délai maximal est supérieur à 0 et d’au plus 7 jours (604800 secondes).</translation>
    </message>
    <message>
        <source>Jitter is a fraction from 0 to 1.</source>
        <translation>La dispersion est une fraction de 0 à 1.</translation>
    </message>
    <message>
        <source>A channel cannot send its failure alerts to itself.</source>
        <translation>Un canal ne peut pas s’envoyer ses propres alertes d’échec.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ChannelPolicyDialog</name>
    <message>
        <source>Retries and failure alerts: %1</source>
        <translation>Nouveaux essais et alertes d’échec : %1</translation>
    </message>
    <message>
        <source>none: never retry</source>
        <translation>vide : jamais de nouvel essai</translation>
    </message>
    <message>
        <source>SQLSTATE classes (40: serialization failures and deadlocks) or codes (55P03: lock not available), separated by commas</source>
        <translation>Classes de SQLSTATE (40 : échecs de sérialisation et interblocages) ou codes (55P03 : verrou indisponible), séparés par des virgules</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>3 s, 5 s, 10 s (pg_relay&apos;s fixed steps)</source>
        <translation>3 s, 5 s, 10 s (paliers fixes de pg_relay)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Include the failed event&apos;s payload</source>
        <translation>Inclure la charge utile de l’événement en échec</translation>
    </message>
    <message>
        <source>Off: the alert carries the event&apos;s id, channel, SQLSTATE, message (values redacted), attempts and time only</source>
        <translation>Désactivé : l’alerte ne contient que l’identifiant, le canal, le SQLSTATE, le message (valeurs masquées), les tentatives et l’heure de l’événement</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Nouveaux essais</translation>
    </message>
    <message>
        <source>&amp;Runs in all:</source>
        <translation>&amp;Exécutions au total :</translation>
    </message>
    <message>
        <source>Retry on &amp;SQLSTATEs:</source>
        <translation>Réessayer sur les &amp;SQLSTATE :</translation>
    </message>
    <message>
        <source>&amp;First delay:</source>
        <translation>&amp;Premier délai :</translation>
    </message>
    <message>
        <source>Each delay &amp;times:</source>
        <translation>Chaque délai &amp;multiplié par :</translation>
    </message>
    <message>
        <source>&amp;Longest delay:</source>
        <translation>Délai ma&amp;ximal :</translation>
    </message>
    <message>
        <source>&amp;Jitter (fraction taken off at random):</source>
        <translation>&amp;Dispersion (fraction retirée au hasard) :</translation>
    </message>
    <message>
        <source>Failure alerts</source>
        <translation>Alertes d’échec</translation>
    </message>
    <message>
        <source>&amp;Alert channel:</source>
        <translation>Canal d’&amp;alerte :</translation>
    </message>
    <message>
        <source>What OK runs:</source>
        <translation>Ce que OK exécute :</translation>
    </message>
</context>
<context>
    <name>automv::ui::ConnectionDialog</name>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>Connection — %1</source>
        <translation>Connexion — %1</translation>
    </message>
    <message>
        <source>host name, IP address or unix socket directory</source>
        <translation>nom d&apos;hôte, adresse IP ou répertoire du socket Unix</translation>
    </message>
    <message>
        <source>default (service, PGPORT or 5432)</source>
        <translation>par défaut (service, PGPORT ou 5432)</translation>
    </message>
    <message>
        <source>empty: use ~/.pgpass or PGPASSWORD</source>
        <translation>vide&#xa0;: utiliser ~/.pgpass ou PGPASSWORD</translation>
    </message>
    <message>
        <source>Save the password in the system keychain</source>
        <translation>Enregistrer le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>libpq default (prefer)</source>
        <translation>valeur par défaut de libpq (prefer)</translation>
    </message>
    <message>
        <source>entry of pg_service.conf (optional)</source>
        <translation>entrée de pg_service.conf (facultatif)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Connection colour</source>
        <translation>Couleur de la connexion</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Mode &amp;SSL&#xa0;:</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client&#xa0;:</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client&#xa0;:</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Certificat racine&#xa0;:</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>S&amp;ervice&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Application name:</source>
        <translation>Nom de l&apos;&amp;application&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Couleur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Impossible de se connecter&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Donnez un nom à la connexion.</translation>
    </message>
    <message>
        <source>Enter a host (or a unix socket directory), or a service name from pg_service.conf.</source>
        <translation>Saisissez un hôte (ou un répertoire de socket Unix), ou un nom de service de pg_service.conf.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535 (or left at the default).</source>
        <translation>Le port doit être compris entre 1 et 65535 (ou laissé à sa valeur par défaut).</translation>
    </message>
    <message>
        <source>SSL mode must be one of disable, allow, prefer, require, verify-ca, verify-full.</source>
        <translation>Le mode SSL doit valoir disable, allow, prefer, require, verify-ca ou verify-full.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ConnectionsController</name>
    <message>
        <source>&amp;New connection…</source>
        <translation>&amp;Nouvelle connexion…</translation>
    </message>
    <message>
        <source>No keychain is available here, so it is kept for this session only and never written to disk.</source>
        <translation>Aucun trousseau n&apos;est disponible ici&#xa0;: il est donc conservé pour cette session uniquement et n&apos;est jamais écrit sur le disque.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>It will be kept for this session; tick &quot;Save the password in the system keychain&quot; in the connection dialog to keep it in the keychain.</source>
        <translation>Il sera conservé pour cette session&#xa0;; cochez «&#xa0;Enregistrer le mot de passe dans le trousseau du système&#xa0;» dans la boîte de connexion pour le conserver dans le trousseau.</translation>
    </message>
    <message>
        <source>the default user</source>
        <translation>l’utilisateur par défaut</translation>
    </message>
    <message>
        <source>The server asks for a password for %1 (connection &quot;%2&quot;), and none is saved.</source>
        <translation>Le serveur demande un mot de passe pour %1 (connexion « %2 »), et aucun n’est enregistré.</translation>
    </message>
    <message>
        <source>The server refused the password for %1 (connection &quot;%2&quot;):
%3</source>
        <translation>Le serveur a refusé le mot de passe pour %1 (connexion « %2 ») :
%3</translation>
    </message>
    <message>
        <source>%1

Password:
(%2)</source>
        <translation>%1

Mot de passe :
(%2)</translation>
    </message>
    <message>
        <source>&amp;Edit connection</source>
        <translation>&amp;Modifier une connexion</translation>
    </message>
    <message>
        <source>&amp;Delete connection</source>
        <translation>&amp;Supprimer une connexion</translation>
    </message>
    <message>
        <source>Edit connection — %1</source>
        <translation>Modifier la connexion — %1</translation>
    </message>
    <message>
        <source>empty: keep the saved password</source>
        <translation>vide : garder le mot de passe enregistré</translation>
    </message>
    <message>
        <source>Connection %1 saved.</source>
        <translation>Connexion %1 enregistrée.</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <source>Forget the connection %1 and its saved password? The database is not touched.</source>
        <translation>Oublier la connexion %1 et son mot de passe enregistré ? La base de données n’est pas modifiée.</translation>
    </message>
    <message>
        <source>Connection %1 deleted.</source>
        <translation>Connexion %1 supprimée.</translation>
    </message>
</context>
<context>
    <name>automv::ui::DashboardPage</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>6 dernières heures</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>24 dernières heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Refresh duration per view (ms)</source>
        <translation>Durée de rafraîchissement par vue (ms)</translation>
    </message>
    <message>
        <source>Refreshes per hour by outcome</source>
        <translation>Rafraîchissements par heure selon le résultat</translation>
    </message>
    <message>
        <source>pg_relay events processed per second (average of each minute)</source>
        <translation>Événements pg_relay traités par seconde (moyenne par minute)</translation>
    </message>
    <message>
        <source>Queue depth (sampled every 5 s while shown)</source>
        <translation>Profondeur de la file d&apos;attente (échantillonnée toutes les 5 s pendant l&apos;affichage)</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Période&#xa0;:</translation>
    </message>
    <message>
        <source>Neither pg_relay nor pg_auto_mv is installed in this database: install them on the Install page.</source>
        <translation>Ni pg_relay ni pg_auto_mv n&apos;est installé dans cette base de données&#xa0;: installez-les depuis la page Installation.</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Mis à jour à %1</translation>
    </message>
    <message>
        <source>Cannot read the figures: %1</source>
        <translation>Impossible de lire les chiffres&#xa0;: %1</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>events / s</source>
        <translation>événements / s</translation>
    </message>
    <message>
        <source>events waiting</source>
        <translation>événements en attente</translation>
    </message>
    <message>
        <source>events</source>
        <translation>événements</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dus</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenus</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Lettres mortes</translation>
    </message>
    <message>
        <source>Oldest due waits</source>
        <translation>Le plus ancien dû attend</translation>
    </message>
    <message>
        <source>Done, last minute</source>
        <translation>Traités, dernière minute</translation>
    </message>
    <message>
        <source>Done, last hour</source>
        <translation>Traités, dernière heure</translation>
    </message>
    <message>
        <source>Failures, last hour</source>
        <translation>Échecs, dernière heure</translation>
    </message>
    <message>
        <source>Attempts that ended (succeeded, retried, failed)</source>
        <translation>Tentatives terminées (réussies, réessayées, en échec)</translation>
    </message>
    <message>
        <source>Attempts that were retried or failed</source>
        <translation>Tentatives réessayées ou en échec</translation>
    </message>
    <message>
        <source>pg_relay channels now (pgrelay.queue_metrics()):</source>
        <translation>Canaux pg_relay maintenant (pgrelay.queue_metrics()) :</translation>
    </message>
    <message>
        <source>Cannot read pgrelay.queue_metrics(): %1</source>
        <translation>Impossible de lire pgrelay.queue_metrics() : %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::DatabaseWorkspace</name>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Planifications</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connecté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>Connexion perdue — reconnexion en cours…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) among them</source>
        <translation>
            <numerusform>dont %n erreur</numerusform>
            <numerusform>dont %n erreurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::EmbeddedProcessor</name>
    <message>
        <source>The processor is already running.</source>
        <translation>Le processeur est déjà en cours d&apos;exécution.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ExtensionInstaller</name>
    <message>
        <source>ALTER EXTENSION %1 UPDATE from version %2 to %3</source>
        <translation>ALTER EXTENSION %1 UPDATE de la version %2 à la version %3</translation>
    </message>
    <message>
        <source>CREATE EXTENSION %1 (version %2, from the server&apos;s extension files)</source>
        <translation>CREATE EXTENSION %1 (version %2, depuis les fichiers d&apos;extension du serveur)</translation>
    </message>
    <message>
        <source>%1 %2 from the SQL bundled with the console (plain install, no superuser needed)</source>
        <translation>%1 %2 depuis le SQL fourni avec la console (installation simple, sans superutilisateur)</translation>
    </message>
    <message>
        <source>%1 %2 in this database is newer than this console knows (%3): use a newer console.</source>
        <translation>%1 %2 dans cette base de données est plus récent que ce que connaît cette console (%3)&#xa0;: utilisez une console plus récente.</translation>
    </message>
    <message>
        <source>%1 %2 is installed from plain SQL; this console bundles %3 but no upgrade script from %2. Uninstall and install again, or install the extension files on the server.</source>
        <translation>%1 %2 est installé en SQL simple&#xa0;; cette console fournit %3 mais aucun script de mise à jour depuis %2. Désinstallez puis réinstallez, ou installez les fichiers d&apos;extension sur le serveur.</translation>
    </message>
    <message>
        <source>The server&apos;s extension files offer %1 %2; this console bundles %3. Install the newer extension package on the server to upgrade.</source>
        <translation>Les fichiers d&apos;extension du serveur proposent %1 %2&#xa0;; cette console fournit %3. Installez le paquet d&apos;extension plus récent sur le serveur pour mettre à jour.</translation>
    </message>
</context>
<context>
    <name>automv::ui::GraphPage</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>Find a table or view…</source>
        <translation>Rechercher une table ou une vue…</translation>
    </message>
    <message>
        <source>Nothing called &quot;%1&quot; in the graph.</source>
        <translation>Rien ne s&apos;appelle «&#xa0;%1&#xa0;» dans le graphe.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>Afficher tout le graphe</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (or the mouse wheel)</source>
        <translation>Zoom avant (ou molette de la souris)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Read the catalog again</source>
        <translation>Relire le catalogue</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the drawing as PNG or SVG</source>
        <translation>Enregistrer le dessin en PNG ou SVG</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>From kind</source>
        <translation>Type d&apos;origine</translation>
    </message>
    <message>
        <source>Edge</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>To kind</source>
        <translation>Type de destination</translation>
    </message>
    <message>
        <source>To state</source>
        <translation>État de destination</translation>
    </message>
    <message>
        <source>Filter edges (name, kind, state…)</source>
        <translation>Filtrer les liens (nom, type, état…)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Exporter le graphe</translation>
    </message>
    <message>
        <source>Add chain</source>
        <translation>Ajouter la chaîne</translation>
    </message>
    <message>
        <source>Remove selected chain</source>
        <translation>Supprimer la chaîne sélectionnée</translation>
    </message>
    <message>
        <source>Select a chain edge in the table first.</source>
        <translation>Sélectionnez d&apos;abord un lien de chaîne dans le tableau.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Rafraîchir</translation>
    </message>
    <message>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Aucune modification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the graph: %1</source>
        <translation>Impossible de lire le graphe&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges laid out in %3 ms</source>
        <translation>%1 nœuds, %2 liens disposés en %3 ms</translation>
    </message>
    <message>
        <source>Updated at %1 — %2</source>
        <translation>Mis à jour à %1 — %2</translation>
    </message>
    <message>
        <source>Select a box to see what it reads and what reads it. Double-click a materialised view to edit its registration; Shift-drag from one view to another to chain them.</source>
        <translation>Sélectionnez un nœud pour voir ce qu&apos;il lit et ce qui le lit. Double-cliquez sur une vue matérialisée pour modifier son inscription&#xa0;; faites glisser avec Maj d&apos;une vue à une autre pour les chaîner.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Upstream&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Downstream&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;En amont&lt;/b&gt;&lt;br&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;En aval&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 now refreshes after %2.</source>
        <translation>%1 est désormais rafraîchie après %2.</translation>
    </message>
    <message>
        <source>Chain %1 → %2 removed.</source>
        <translation>Chaîne %1 → %2 supprimée.</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>Dessin SVG (*.svg);;Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
</context>
<context>
    <name>automv::ui::GraphStyle</name>
    <message>
        <source>&lt;b&gt;Materialised views:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Vues matérialisées&#xa0;:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>&lt;b&gt;Others:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Autres&#xa0;:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edges:&lt;/b&gt; </source>
        <translation>&lt;b&gt;Liens&#xa0;:&lt;/b&gt; </translation>
    </message>
    <message>
        <source>reads from</source>
        <translation>lit</translation>
    </message>
    <message>
        <source>refresh chain</source>
        <translation>chaîne de rafraîchissement</translation>
    </message>
    <message>
        <source>watched (triggers)</source>
        <translation>surveillée (déclencheurs)</translation>
    </message>
</context>
<context>
    <name>automv::ui::InstallPage</name>
    <message>
        <source>Use the SQL bundled with the console even where the server has the extension files</source>
        <translation>Utiliser le SQL fourni avec la console même lorsque le serveur dispose des fichiers d&apos;extension</translation>
    </message>
    <message>
        <source>&amp;Install…</source>
        <translation>&amp;Installer…</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installée</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Server offers</source>
        <translation>Proposée par le serveur</translation>
    </message>
    <message>
        <source>Bundled</source>
        <translation>Fournie</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Run the SQL shown on this database?</source>
        <translation>Exécuter le SQL affiché sur cette base de données&#xa0;?</translation>
    </message>
    <message>
        <source>What will run:</source>
        <translation>Ce qui sera exécuté&#xa0;:</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>non installée</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>extension</translation>
    </message>
    <message>
        <source>plain SQL</source>
        <translation>SQL simple</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 installed.</source>
        <translation>%1 installé.</translation>
    </message>
    <message>
        <source>Installing %1 failed, nothing of it was kept: %2</source>
        <translation>L&apos;installation de %1 a échoué, rien n&apos;en a été conservé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot read what is installed: %1</source>
        <translation>Impossible de lire ce qui est installé&#xa0;: %1</translation>
    </message>
    <message>
        <source>-- Both extensions are installed and up to date; nothing to do.</source>
        <translation>-- Les deux extensions sont installées et à jour&#xa0;; rien à faire.</translation>
    </message>
    <message>
        <source>Installed.</source>
        <translation>Installé.</translation>
    </message>
    <message>
        <source>Installing %1…</source>
        <translation>Installation de %1…</translation>
    </message>
</context>
<context>
    <name>automv::ui::LocalDemo</name>
    <message>
        <source>Creating the demo cluster in %1…</source>
        <translation>Création de l&apos;instance de démonstration dans %1…</translation>
    </message>
    <message>
        <source>Starting PostgreSQL on port %1…</source>
        <translation>Démarrage de PostgreSQL sur le port %1…</translation>
    </message>
    <message>
        <source>Loading the demo schema…</source>
        <translation>Chargement du schéma de démonstration…</translation>
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
        <translation>Heure</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Channel / view</source>
        <translation>Canal / vue</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Source / schedule</source>
        <translation>Source / planification</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>automv::ui::LogPage</name>
    <message>
        <source>Load &amp;older</source>
        <translation>Charger des lignes &amp;plus anciennes</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Failed events</source>
        <translation>Événements en échec</translation>
    </message>
    <message>
        <source>Both logs</source>
        <translation>Les deux journaux</translation>
    </message>
    <message>
        <source>pg_relay events</source>
        <translation>Événements pg_relay</translation>
    </message>
    <message>
        <source>pg_auto_mv refreshes</source>
        <translation>Rafraîchissements pg_auto_mv</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>tous les canaux</translation>
    </message>
    <message>
        <source>any view</source>
        <translation>toutes les vues</translation>
    </message>
    <message>
        <source>any outcome</source>
        <translation>tous les résultats</translation>
    </message>
    <message>
        <source>any source</source>
        <translation>toutes les sources</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>En &amp;direct</translation>
    </message>
    <message>
        <source>Read new rows every 2 seconds (only the rows newer than those shown)</source>
        <translation>Lire les nouvelles lignes toutes les 2 secondes (uniquement celles plus récentes que les lignes affichées)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>Date de l&apos;échec</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Select a failed event to see its payload and error.</source>
        <translation>Sélectionnez un événement en échec pour voir sa charge utile et son erreur.</translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation>&amp;Remettre en file</translation>
    </message>
    <message>
        <source>Put the selected event back in the queue to run now (pgrelay.requeue_failed)</source>
        <translation>Remettre l&apos;événement sélectionné dans la file d&apos;attente pour l&apos;exécuter maintenant (pgrelay.requeue_failed)</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Rec&amp;harger</translation>
    </message>
    <message>
        <source>Event %1 is back in the queue as event %2.</source>
        <translation>L&apos;événement %1 est de retour dans la file d&apos;attente en tant qu&apos;événement %2.</translation>
    </message>
    <message>
        <source>Could not requeue: %1</source>
        <translation>Impossible de remettre en file&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the log: %1</source>
        <translation>Impossible de lire le journal&#xa0;: %1</translation>
    </message>
    <message>
        <source> · scroll down for older</source>
        <translation> · faites défiler vers le bas pour les plus anciennes</translation>
    </message>
    <message>
        <source> · all loaded</source>
        <translation> · tout est chargé</translation>
    </message>
    <message>
        <source> · live</source>
        <translation> · en direct</translation>
    </message>
    <message>
        <source>Neither pg_relay nor pg_auto_mv is installed in this database: install them on the Install page.</source>
        <translation>Ni pg_relay ni pg_auto_mv n&apos;est installé dans cette base de données&#xa0;: installez-les depuis la page Installation.</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>Exporter le journal</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) loaded</source>
        <translation>
            <numerusform>%Ln ligne chargée</numerusform>
            <numerusform>%Ln lignes chargées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 on channel %2 failed after %n attempt(s): %3 %4

Payload:
%5</source>
        <translation>
            <numerusform>L’événement %1 du canal %2 a échoué après %n tentative&#xa0;: %3 %4

Charge utile&#xa0;:
%5</numerusform>
            <numerusform>L’événement %1 du canal %2 a échoué après %n tentatives&#xa0;: %3 %4

Charge utile&#xa0;:
%5</numerusform>
        </translation>
    </message>
    <message>
        <source>any SQLSTATE (a code, or a class such as 40)</source>
        <translation>tout SQLSTATE (un code, ou une classe comme 40)</translation>
    </message>
    <message>
        <source>Requeue &amp;matching</source>
        <translation>Remettre les &amp;correspondants</translation>
    </message>
    <message>
        <source>Every failed event of this channel and SQLSTATE back in the queue (pgrelay.requeue_failed_events)</source>
        <translation>Chaque événement en échec de ce canal et de ce SQLSTATE remis dans la file (pgrelay.requeue_failed_events)</translation>
    </message>
    <message>
        <source>&amp;Discard matching</source>
        <translation>&amp;Supprimer les correspondants</translation>
    </message>
    <message>
        <source>Delete every failed event of this channel and SQLSTATE, payload and all (pgrelay.discard_failed_events); needs a channel or a SQLSTATE</source>
        <translation>Supprimer chaque événement en échec de ce canal et de ce SQLSTATE, charge utile comprise (pgrelay.discard_failed_events) ; nécessite un canal ou un SQLSTATE</translation>
    </message>
    <message>
        <source>Failed events of channel:</source>
        <translation>Événements en échec du canal :</translation>
    </message>
    <message>
        <source>SQLSTATE:</source>
        <translation>SQLSTATE :</translation>
    </message>
    <message>
        <source>%1 failed event(s) discarded.</source>
        <translation>%1 événement(s) en échec supprimé(s).</translation>
    </message>
    <message>
        <source>%1 failed event(s) back in the queue.</source>
        <translation>%1 événement(s) en échec remis dans la file.</translation>
    </message>
    <message>
        <source>The server refused this; nothing was changed:
%1</source>
        <translation>Le serveur a refusé ; rien n’a été modifié :
%1</translation>
    </message>
    <message>
        <source>Discard deletes failed events with their payload for good: give a channel or a SQLSTATE first.</source>
        <translation>La suppression efface définitivement les événements en échec et leur charge utile : indiquez d’abord un canal ou un SQLSTATE.</translation>
    </message>
</context>
<context>
    <name>automv::ui::MainWindow</name>
    <message>
        <source>pg_auto_mv console</source>
        <translation>Console pg_auto_mv</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Local demo</source>
        <translation>Démo locale</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>Could not connect: %1&lt;br&gt;Check the host, port, database and user, and that the server is running.</source>
        <translation>Impossible de se connecter&#xa0;: %1&lt;br&gt;Vérifiez l&apos;hôte, le port, la base de données et l&apos;utilisateur, ainsi que le fonctionnement du serveur.</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>%1 (reconnecting)</source>
        <translation>%1 (reconnexion)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message numerus="yes">
        <source>%n database(s) open</source>
        <translation>
            <numerusform>%n base de données ouverte</numerusform>
            <numerusform>%n bases de données ouvertes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <source>C&amp;lose database</source>
        <translation>&amp;Fermer la base de données</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>About pg_auto_mv console</source>
        <translation>À propos de la console pg_auto_mv</translation>
    </message>
    <message>
        <source>&lt;b&gt;pg_auto_mv console&lt;/b&gt; %1&lt;br&gt;Keeps PostgreSQL materialised views fresh and runs pg_relay&apos;s job queue.&lt;br&gt;&lt;br&gt;Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>&lt;b&gt;Console pg_auto_mv&lt;/b&gt; %1&lt;br&gt;Maintient à jour les vues matérialisées PostgreSQL et exécute la file d&apos;attente de pg_relay.&lt;br&gt;&lt;br&gt;Distribué sous la licence publique générale GNU (GPL), version 3 ou ultérieure.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuration</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The console will be in %1 from its next start.</source>
        <translation>La console sera en %1 à partir de son prochain démarrage.</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>&amp;Cancel my running statement</source>
        <translation>&amp;Annuler mon instruction en cours</translation>
    </message>
    <message>
        <source>Cancel sent: the statement you started stops and changes nothing.</source>
        <translation>Annulation envoyée : l’instruction que vous avez lancée s’arrête et ne modifie rien.</translation>
    </message>
    <message>
        <source>Cancelled what you started before it ran; nothing was changed.</source>
        <translation>Ce que vous avez lancé a été annulé avant de s’exécuter ; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Nothing you started is running.</source>
        <translation>Rien de ce que vous avez lancé n’est en cours.</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Theme changed.</source>
        <translation>Thème modifié.</translation>
    </message>
    <message>
        <source>Closing %1…</source>
        <translation>Fermeture de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Closing %n database(s) and stopping the local demo&apos;s server…</source>
        <translation>
            <numerusform>Fermeture de %n base et arrêt du serveur de la démo locale…</numerusform>
            <numerusform>Fermeture de %n bases et arrêt du serveur de la démo locale…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closing %n database(s)…</source>
        <translation>
            <numerusform>Fermeture de %n base…</numerusform>
            <numerusform>Fermeture de %n bases…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::OverviewPage</name>
    <message>
        <source>Start local &amp;demo</source>
        <translation>Démarrer la &amp;démo locale</translation>
    </message>
    <message>
        <source>&amp;Generate orders</source>
        <translation>&amp;Générer des commandes</translation>
    </message>
    <message>
        <source>No database is connected. Add one with &lt;b&gt;Connection → New connection…&lt;/b&gt;, start the console with a connection string, for example &lt;tt&gt;automv-console &quot;host=db.example.com dbname=sales user=dba&quot;&lt;/tt&gt;, or set the PG* environment variables. New here? &lt;b&gt;Start local demo&lt;/b&gt; runs a private PostgreSQL with sample views that refresh themselves.</source>
        <translation>Aucune base de données n&apos;est connectée. Ajoutez-en une avec &lt;b&gt;Connexion → Nouvelle connexion…&lt;/b&gt;, lancez la console avec une chaîne de connexion, par exemple &lt;tt&gt;automv-console &quot;host=db.example.com dbname=sales user=dba&quot;&lt;/tt&gt;, ou définissez les variables d&apos;environnement PG*. Vous découvrez la console&#xa0;? &lt;b&gt;Démarrer la démo locale&lt;/b&gt; lance un PostgreSQL privé avec des vues d&apos;exemple qui se rafraîchissent toutes seules.</translation>
    </message>
    <message>
        <source>Starts a private PostgreSQL in %1 with a demo schema (orders → daily → weekly, month to date), both extensions and the embedded processor, and connects to it.</source>
        <translation>Démarre un PostgreSQL privé dans %1 avec un schéma de démonstration (orders → daily_revenue → weekly_revenue, month_to_date), les deux extensions et le processeur intégré, puis s&apos;y connecte.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;pg_auto_mv console&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Console pg_auto_mv&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The local demo could not start: %1</source>
        <translation>La démo locale n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starting the local demo…</source>
        <translation>Démarrage de la démo locale…</translation>
    </message>
    <message>
        <source>Connected to the local demo (%1). The embedded processor is running: press &lt;b&gt;Generate orders&lt;/b&gt; and watch the views refresh on the Views page.</source>
        <translation>Connecté à la démo locale (%1). Le processeur intégré est en marche&#xa0;: cliquez sur &lt;b&gt;Générer des commandes&lt;/b&gt; et regardez les vues se rafraîchir dans la page Vues.</translation>
    </message>
    <message>
        <source>Open the local &amp;demo again</source>
        <translation>Rouvrir la &amp;démo locale</translation>
    </message>
    <message>
        <source>The local demo&apos;s tab was closed. Its server keeps running until the console quits; &lt;b&gt;Open the local demo again&lt;/b&gt; reconnects to it.</source>
        <translation>L’onglet de la démo locale a été fermé. Son serveur tourne jusqu’à la fermeture de la console ; &lt;b&gt;Rouvrir la démo locale&lt;/b&gt; s’y reconnecte.</translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemFix</name>
    <message>
        <source>Rebuild watch triggers (clean_mv)</source>
        <translation>Reconstruire les déclencheurs de surveillance (clean_mv)</translation>
    </message>
    <message>
        <source>Reconcile with the catalog (sync_mv)</source>
        <translation>Réconcilier avec le catalogue (sync_mv)</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Rafraîchir maintenant</translation>
    </message>
    <message>
        <source>Refresh again now</source>
        <translation>Rafraîchir de nouveau maintenant</translation>
    </message>
    <message>
        <source>Run the suggested SQL by hand</source>
        <translation>Exécuter vous-même le SQL suggéré</translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemsModel</name>
    <message>
        <source>Errors (%1)</source>
        <translation>Erreurs (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Avertissements (%1)</translation>
    </message>
    <message>
        <source>Information (%1)</source>
        <translation>Informations (%1)</translation>
    </message>
    <message>
        <source>(database)</source>
        <translation>(base de données)</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vue</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Ce qui ne va pas</translation>
    </message>
</context>
<context>
    <name>automv::ui::ProblemsPage</name>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Corriger</translation>
    </message>
    <message>
        <source>&amp;Copy SQL</source>
        <translation>Copier le &amp;SQL</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>pg_auto_mv is not installed in this database: install it on the Install page.</source>
        <translation>pg_auto_mv n&apos;est pas installé dans cette base de données&#xa0;: installez-le depuis la page Installation.</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Vérifié à %1</translation>
    </message>
    <message>
        <source>Cannot list the problems: %1</source>
        <translation>Impossible de lister les problèmes&#xa0;: %1</translation>
    </message>
    <message>
        <source>The fix failed, nothing was changed: %1</source>
        <translation>La correction a échoué, rien n&apos;a été modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a problem to see what is wrong and how to fix it.</source>
        <translation>Sélectionnez un problème pour voir ce qui ne va pas et comment le corriger.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>la base de données</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>%1

sync_mv() forgets registrations and watches whose objects were dropped. Go on?</source>
        <translation>%1

sync_mv() oublie les inscriptions et les surveillances dont les objets ont été supprimés. Continuer&#xa0;?</translation>
    </message>
    <message>
        <source>Fixed %1 (%2).</source>
        <translation>%1 corrigé (%2).</translation>
    </message>
    <message>
        <source>Fixing…</source>
        <translation>Correction en cours…</translation>
    </message>
    <message>
        <source>No problems: every registered view refreshes as configured.</source>
        <translation>Aucun problème&#xa0;: chaque vue inscrite est rafraîchie comme configuré.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n for information</source>
        <translation>
            <numerusform>%n pour information</numerusform>
            <numerusform>%n pour information</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>automv::ui::ProcessorPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>À l&apos;arrêt.</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
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
        <translation>Workers</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>Signal de vie</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoués</translation>
    </message>
    <message>
        <source>&amp;Workers:</source>
        <translation>&amp;Workers&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation>&amp;Intervalle d&apos;interrogation&#xa0;:</translation>
    </message>
    <message>
        <source>Processors attached to this database:</source>
        <translation>Processeurs rattachés à cette base de données&#xa0;:</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Journal&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Stopped with exit code %1.</source>
        <translation>Arrêté avec le code de sortie %1.</translation>
    </message>
    <message>
        <source>Cannot read pg_relay&apos;s processor registry: %1</source>
        <translation>Impossible de lire le registre des processeurs de pg_relay&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Impossible de démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Running%1 · slot %2 · %3 succeeded · %4 retried · %5 failed · %6 events/s</source>
        <translation>En cours%1 · slot %2 · %3 réussis · %4 réessayés · %5 en échec · %6 événements/s</translation>
    </message>
    <message>
        <source> (standby: idle until promoted)</source>
        <translation> (secondaire&#xa0;: inactif jusqu&apos;à sa promotion)</translation>
    </message>
    <message>
        <source>Queue: no processor attached</source>
        <translation>File d&apos;attente&#xa0;: aucun processeur rattaché</translation>
    </message>
    <message>
        <source>Queue: %1 due now, %2 in all (scheduled and retries included)</source>
        <translation>File d&apos;attente&#xa0;: %1 à traiter maintenant, %2 au total (planifiés et nouvelles tentatives compris)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Runs as</source>
        <translation>Exécuté en tant que</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>Seul</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Max parallel</source>
        <translation>Parallèle max.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dus</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <source>An action running longer is cancelled and fails with SQLSTATE 57014 (pgrelay.alter_channel(p_timeout =&gt; …))</source>
        <translation>Une action plus longue est annulée et échoue avec le SQLSTATE 57014 (pgrelay.alter_channel(p_timeout =&gt; …))</translation>
    </message>
    <message>
        <source>At most this many events of the channel run at once, across all processors; never on a processor&apos;s last free worker</source>
        <translation>Au plus ce nombre d’événements du canal s’exécutent en même temps, sur tous les processeurs ; jamais sur le dernier worker libre d’un processeur</translation>
    </message>
    <message>
        <source>Due events of a higher priority are claimed first</source>
        <translation>Les événements dus de priorité plus élevée sont pris en premier</translation>
    </message>
    <message>
        <source>Channels, their limits and their events:</source>
        <translation>Canaux, leurs limites et leurs événements :</translation>
    </message>
    <message>
        <source>Cannot read pg_relay&apos;s channels: %1</source>
        <translation>Impossible de lire les canaux de pg_relay : %1</translation>
    </message>
    <message>
        <source>Stopping: running actions may finish for 30 s, then they are cancelled (their events stay queued)…</source>
        <translation>Arrêt : les actions en cours peuvent se terminer pendant 30 s, puis elles sont annulées (leurs événements restent en file)…</translation>
    </message>
    <message>
        <source>&amp;Retries and alerts…</source>
        <translation>&amp;Nouveaux essais et alertes…</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Retry on</source>
        <translation>Réessayer sur</translation>
    </message>
    <message>
        <source>Alerts to</source>
        <translation>Alertes vers</translation>
    </message>
    <message>
        <source>Runs of an event in all, its retries included</source>
        <translation>Exécutions d’un événement au total, nouveaux essais compris</translation>
    </message>
    <message>
        <source>SQLSTATEs (classes or codes) that are retried</source>
        <translation>SQLSTATE (classes ou codes) qui donnent lieu à un nouvel essai</translation>
    </message>
    <message>
        <source>The channel told of each event that fails for good</source>
        <translation>Le canal informé de chaque événement en échec définitif</translation>
    </message>
    <message>
        <source>Retry policy and failure alerts of the selected channel</source>
        <translation>Règles de nouvel essai et alertes d’échec du canal sélectionné</translation>
    </message>
    <message>
        <source>Cannot read the channel&apos;s retry policy: %1</source>
        <translation>Impossible de lire les règles de nouvel essai du canal : %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::RefreshGroupsDialog</name>
    <message>
        <source>Refresh groups</source>
        <translation>Groupes d’actualisation</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Nouveau groupe…</translation>
    </message>
    <message>
        <source>e.g. sales_reports</source>
        <translation>p. ex. sales_reports</translation>
    </message>
    <message>
        <source>The views of a group refresh together, in one transaction, whenever one of them refreshes: readers never see them disagree. Each view keeps its own watches and timing; a view is in one group at most.</source>
        <translation>Les vues d’un groupe sont actualisées ensemble, dans une seule transaction, dès que l’une d’elles l’est : les lecteurs ne les voient jamais en désaccord. Chaque vue garde ses surveillances et son calendrier ; une vue appartient à un groupe au plus.</translation>
    </message>
    <message>
        <source>&amp;Save group</source>
        <translation>&amp;Enregistrer le groupe</translation>
    </message>
    <message>
        <source>&amp;Drop group…</source>
        <translation>&amp;Supprimer le groupe…</translation>
    </message>
    <message>
        <source>Drop refresh group</source>
        <translation>Supprimer le groupe d’actualisation</translation>
    </message>
    <message>
        <source>Drop group %1? Its views refresh alone again; the views themselves are not changed.</source>
        <translation>Supprimer le groupe %1 ? Ses vues seront de nouveau actualisées seules ; les vues elles-mêmes ne sont pas modifiées.</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Views in the group:</source>
        <translation>&amp;Vues du groupe :</translation>
    </message>
    <message>
        <source>%1 (in group %2)</source>
        <translation>%1 (dans le groupe %2)</translation>
    </message>
    <message>
        <source>Take it out of group %1 first: a view is in one group at most.</source>
        <translation>Retirez-la d’abord du groupe %1 : une vue appartient à un groupe au plus.</translation>
    </message>
    <message>
        <source>Name the new group.</source>
        <translation>Nommez le nouveau groupe.</translation>
    </message>
    <message>
        <source>A group named %1 exists already: choose it above to change it.</source>
        <translation>Un groupe nommé %1 existe déjà : choisissez-le ci-dessus pour le modifier.</translation>
    </message>
    <message>
        <source>Tick at least two views: a group refreshes its views together.</source>
        <translation>Cochez au moins deux vues : un groupe actualise ses vues ensemble.</translation>
    </message>
    <message>
        <source>Refresh group %1 dropped; its views refresh alone again.</source>
        <translation>Groupe d’actualisation %1 supprimé ; ses vues sont de nouveau actualisées seules.</translation>
    </message>
    <message>
        <source>Refresh group %1: %2 refresh together.</source>
        <translation>Groupe d’actualisation %1 : %2 sont actualisées ensemble.</translation>
    </message>
    <message>
        <source>Dropping…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>automv::ui::RegisterDialog</name>
    <message>
        <source>Edit registration — %1.%2</source>
        <translation>Modifier l&apos;inscription — %1.%2</translation>
    </message>
    <message>
        <source>Register %1.%2</source>
        <translation>Inscrire %1.%2</translation>
    </message>
    <message>
        <source>Refresh this long after the most recent change (debounce).</source>
        <translation>Rafraîchir ce délai après la modification la plus récente (anti-rebond).</translation>
    </message>
    <message>
        <source>Refresh at the latest this long after the first unrefreshed change; 0: no maximum.</source>
        <translation>Rafraîchir au plus tard ce délai après la première modification non rafraîchie&#xa0;; 0&#xa0;: pas de maximum.</translation>
    </message>
    <message>
        <source>At least this long between two refreshes&apos; completions.</source>
        <translation>Au moins ce délai entre la fin de deux rafraîchissements.</translation>
    </message>
    <message>
        <source>How long a refresh waits for its lock before it retries later.</source>
        <translation>Durée pendant laquelle un rafraîchissement attend son verrou avant de réessayer plus tard.</translation>
    </message>
    <message>
        <source>Also refresh on changes applied by logical replication (fire_on_replica)</source>
        <translation>Rafraîchir aussi lors des modifications appliquées par la réplication logique (fire_on_replica)</translation>
    </message>
    <message>
        <source>Refresh &amp;lag:</source>
        <translation>&amp;Délai de rafraîchissement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Max wait:</source>
        <translation>Attente &amp;maximale&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Cooldown:</source>
        <translation>&amp;Intervalle minimal&#xa0;:</translation>
    </message>
    <message>
        <source>Lock &amp;timeout:</source>
        <translation>Délai de &amp;verrou&#xa0;:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Only columns read (UPDATE)</source>
        <translation>Seulement les colonnes lues (UPDATE)</translation>
    </message>
    <message>
        <source>Only UPDATEs of the columns the view reads request a refresh (from pg_depend)</source>
        <translation>Seuls les UPDATE des colonnes lues par la vue demandent un rafraîchissement (d&apos;après pg_depend)</translation>
    </message>
    <message>
        <source>&amp;Add table…</source>
        <translation>&amp;Ajouter une table…</translation>
    </message>
    <message>
        <source>Watch a table</source>
        <translation>Surveiller une table</translation>
    </message>
    <message>
        <source>Table (schema.table):</source>
        <translation>Table (schéma.table)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Changes to these tables request a refresh. Suggested from the view&apos;s dependencies; none: refresh only by schedule, chain or on demand.</source>
        <translation>Les modifications de ces tables demandent un rafraîchissement. Suggérées d&apos;après les dépendances de la vue&#xa0;; aucune&#xa0;: rafraîchissement uniquement par planification, par chaîne ou à la demande.</translation>
    </message>
    <message>
        <source>&amp;Timing</source>
        <translation>&amp;Temporisation</translation>
    </message>
    <message>
        <source>&amp;Watched tables</source>
        <translation>Tables &amp;surveillées</translation>
    </message>
    <message>
        <source>SQL &amp;preview</source>
        <translation>A&amp;perçu SQL</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>A refresh running longer is cancelled and logged as failed (57014); 0: no limit.</source>
        <translation>Un rafraîchissement plus long est annulé et journalisé en échec (57014) ; 0 : sans limite.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>&amp;Refresh timeout:</source>
        <translation>Délai de &amp;rafraîchissement :</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>(the database&apos;s default)</source>
        <translation>(valeur par défaut de la base)</translation>
    </message>
    <message>
        <source>%1 (no longer exists)</source>
        <translation>%1 (n&apos;existe plus)</translation>
    </message>
    <message>
        <source>A refresh that fails for good (not a retried class-40 error) notifies this pg_relay channel with the view, SQLSTATE, message and failures in a row.</source>
        <translation>Un rafraîchissement en échec définitif (pas une erreur de classe 40 réessayée) notifie ce canal pg_relay avec la vue, le SQLSTATE, le message et le nombre d&apos;échecs consécutifs.</translation>
    </message>
    <message>
        <source>On &amp;failure, notify:</source>
        <translation>En cas d&apos;é&amp;chec, notifier :</translation>
    </message>
    <message>
        <source>Blackout windows:</source>
        <translation>Fenêtres d&apos;interdiction :</translation>
    </message>
    <message>
        <source>none — no automatic refresh is held back (pgauto_mv.add_blackout() adds a window)</source>
        <translation>aucune — aucun rafraîchissement automatique n&apos;est retenu (pgauto_mv.add_blackout() ajoute une fenêtre)</translation>
    </message>
    <message>
        <source>When more refreshes are due than may run at once (setting max_parallel_refreshes), the higher priority starts first; -1000 to 1000, default 0.</source>
        <translation>Quand plus d’actualisations sont dues qu’il n’en peut tourner à la fois (réglage max_parallel_refreshes), la priorité la plus haute commence d’abord ; de -1000 à 1000, 0 par défaut.</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorité :</translation>
    </message>
</context>
<context>
    <name>automv::ui::Registration</name>
    <message>
        <source>Choose a materialised view.</source>
        <translation>Choisissez une vue matérialisée.</translation>
    </message>
    <message>
        <source>Timings are seconds from 0 to 86400.</source>
        <translation>Les délais sont exprimés en secondes, de 0 à 86400.</translation>
    </message>
    <message>
        <source>The lock timeout is seconds from 0.01 to 86400.</source>
        <translation>Le délai de verrou est exprimé en secondes, de 0,01 à 86400.</translation>
    </message>
    <message>
        <source>A watched table has no name.</source>
        <translation>Une table surveillée n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>Table %1 is watched twice; give each table once.</source>
        <translation>La table %1 est surveillée deux fois&#xa0;; indiquez chaque table une seule fois.</translation>
    </message>
    <message>
        <source>Tick at least one operation for %1 (or remove it).</source>
        <translation>Cochez au moins une opération pour %1 (ou retirez-la).</translation>
    </message>
    <message>
        <source>&quot;Only columns read (UPDATE)&quot; applies to UPDATE: tick UPDATE for %1.</source>
        <translation>«&#xa0;Seulement les colonnes lues (UPDATE)&#xa0;» s’applique à UPDATE&#xa0;: cochez UPDATE pour %1.</translation>
    </message>
    <message>
        <source>The priority is a whole number from -1000 to 1000.</source>
        <translation>La priorité est un nombre entier de -1000 à 1000.</translation>
    </message>
</context>
<context>
    <name>automv::ui::RelaySchedulesPanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Dernière exécution</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Its pending run leaves the queue; nothing runs until resumed</source>
        <translation>Son exécution en attente quitte la file ; rien ne s’exécute avant la reprise</translation>
    </message>
    <message>
        <source>Runs at its next occurrence after now; runs missed while paused are not made up</source>
        <translation>S’exécute à sa prochaine occurrence à partir de maintenant ; les exécutions manquées pendant la suspension ne sont pas rattrapées</translation>
    </message>
    <message>
        <source>Scheduled jobs (pgrelay.schedule):</source>
        <translation>Tâches planifiées (pgrelay.schedule) :</translation>
    </message>
    <message>
        <source>Schedule %1 paused.</source>
        <translation>Planification %1 suspendue.</translation>
    </message>
    <message>
        <source>Schedule %1 resumed.</source>
        <translation>Planification %1 reprise.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>The server refused this; nothing was changed:
%1</source>
        <translation>Le serveur a refusé ; rien n’a été modifié :
%1</translation>
    </message>
    <message>
        <source>Cannot read pg_relay&apos;s schedules: %1</source>
        <translation>Impossible de lire les planifications de pg_relay : %1</translation>
    </message>
</context>
<context>
    <name>automv::ui::SchedulesPage</name>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Intervalle</translation>
    </message>
    <message>
        <source>C&amp;ron</source>
        <translation>C&amp;ron</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Next run (its time zone)</source>
        <translation>Prochaine exécution (dans son fuseau horaire)</translation>
    </message>
    <message>
        <source>nightly</source>
        <translation>nocturne</translation>
    </message>
    <message>
        <source>0 */5 * * * *  (seconds first when 6 fields)</source>
        <translation>0 */5 * * * *  (secondes en premier s&apos;il y a 6 champs)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Exécution&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Fuseau horaire&#xa0;:</translation>
    </message>
    <message>
        <source>Next five runs:</source>
        <translation>Cinq prochaines exécutions&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>&amp;Enregistrer la planification</translation>
    </message>
    <message>
        <source>&amp;Drop schedule…</source>
        <translation>&amp;Supprimer la planification…</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Attacher</translation>
    </message>
    <message>
        <source>De&amp;tach</source>
        <translation>&amp;Détacher</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Vue&#xa0;:</translation>
    </message>
    <message>
        <source>Views refreshed by the selected schedule</source>
        <translation>Vues rafraîchies par la planification sélectionnée</translation>
    </message>
    <message>
        <source>Enter an interval or a cron rule.</source>
        <translation>Saisissez un intervalle ou une règle cron.</translation>
    </message>
    <message>
        <source>Schedule %1 saved.</source>
        <translation>Planification %1 enregistrée.</translation>
    </message>
    <message>
        <source>Drop schedule</source>
        <translation>Supprimer la planification</translation>
    </message>
    <message>
        <source>Drop schedule %1? Its views keep refreshing on their watches.</source>
        <translation>Supprimer la planification %1&#xa0;? Ses vues continuent d&apos;être rafraîchies par leurs surveillances.</translation>
    </message>
    <message>
        <source>Schedule %1 dropped.</source>
        <translation>Planification %1 supprimée.</translation>
    </message>
    <message>
        <source>%1 attached to %2.</source>
        <translation>%1 attachée à %2.</translation>
    </message>
    <message>
        <source>%1 detached from %2.</source>
        <translation>%1 détachée de %2.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n schedule(s).</source>
        <translation>
            <numerusform>%n planification.</numerusform>
            <numerusform>%n planifications.</numerusform>
        </translation>
    </message>
    <message>
        <source>The interval must be longer than zero.</source>
        <translation>L&apos;intervalle doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>Not saved, nothing changed: %1</source>
        <translation>Non enregistré, rien n&apos;a été modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot list the schedules (is pg_auto_mv installed?): %1</source>
        <translation>Impossible de lister les planifications (pg_auto_mv est-il installé&#xa0;?)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Pick a schedule in the list (or save the one in the editor) first.</source>
        <translation>Choisissez d’abord une planification dans la liste (ou enregistrez celle de l’éditeur).</translation>
    </message>
    <message>
        <source>Pick a registered view first.</source>
        <translation>Choisissez d’abord une vue enregistrée.</translation>
    </message>
    <message>
        <source>Drop schedule %1</source>
        <translation>Supprimer la planification %1</translation>
    </message>
    <message>
        <source>every %1</source>
        <translation>toutes les %1</translation>
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
        <translation>La connexion a été perdue&#xa0;; reconnexion en cours.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Cancelled before it started; nothing was changed.</source>
        <translation>Annulé avant de commencer ; rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>automv::ui::SubmittingDialog</name>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>The server refused this; nothing was changed:
%1</source>
        <translation>Le serveur a refusé ; rien n’a été modifié :
%1</translation>
    </message>
</context>
<context>
    <name>automv::ui::ViewsModel</name>
    <message>
        <source>View</source>
        <translation>Vue</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Dernier rafraîchissement</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Surveillances</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Planifications</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>En attente de</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>après %1</translation>
    </message>
    <message>
        <source>Changes made %1 ago are not in the view yet.</source>
        <translation>Des modifications faites il y a %1 ne sont pas encore dans la vue.</translation>
    </message>
    <message>
        <source>Unrefreshed for</source>
        <translation>Non rafraîchie depuis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Refresh group</source>
        <translation>Groupe d’actualisation</translation>
    </message>
</context>
<context>
    <name>automv::ui::ViewsPage</name>
    <message>
        <source>Filter views (name, state, table…)</source>
        <translation>Filtrer les vues (nom, état, table…)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Register / edit…</source>
        <translation>&amp;Inscrire / modifier…</translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>Rafraîchir &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Unregister…</source>
        <translation>&amp;Désinscrire…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Select a materialised view first.</source>
        <translation>Sélectionnez d&apos;abord une vue matérialisée.</translation>
    </message>
    <message>
        <source>Registration of %1 changed.</source>
        <translation>Inscription de %1 modifiée.</translation>
    </message>
    <message>
        <source>%1 registered.</source>
        <translation>%1 inscrite.</translation>
    </message>
    <message>
        <source>%1.%2 is not listed yet; reload and try again.</source>
        <translation>%1.%2 n&apos;est pas encore listée&#xa0;; rechargez et réessayez.</translation>
    </message>
    <message>
        <source>Select a registered view first.</source>
        <translation>Sélectionnez d&apos;abord une vue inscrite.</translation>
    </message>
    <message>
        <source>Refresh of %1 requested; the processor runs it.</source>
        <translation>Rafraîchissement de %1 demandé&#xa0;; le processeur va l&apos;exécuter.</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Désinscrire</translation>
    </message>
    <message>
        <source>Stop refreshing %1 automatically? The view itself is not changed.</source>
        <translation>Arrêter le rafraîchissement automatique de %1&#xa0;? La vue elle-même n&apos;est pas modifiée.</translation>
    </message>
    <message>
        <source>%1 unregistered.</source>
        <translation>%1 désinscrite.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n materialised view(s) · updated %1</source>
        <translation>
            <numerusform>%n vue matérialisée · mise à jour à %1</numerusform>
            <numerusform>%n vues matérialisées · mise à jour à %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the views: %1</source>
        <translation>Impossible de lire les vues&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export views</source>
        <translation>Exporter les vues</translation>
    </message>
    <message>
        <source>Select a materialised view in the list first.</source>
        <translation>Sélectionnez d’abord une vue matérialisée dans la liste.</translation>
    </message>
    <message>
        <source>Edit how %1 is refreshed</source>
        <translation>Modifier la façon dont %1 est rafraîchie</translation>
    </message>
    <message>
        <source>Register %1 with pg_auto_mv</source>
        <translation>Enregistrer %1 auprès de pg_auto_mv</translation>
    </message>
    <message>
        <source>%1 is not registered.</source>
        <translation>%1 n’est pas enregistrée.</translation>
    </message>
    <message>
        <source>this database has no materialised view yet: create one (CREATE MATERIALIZED VIEW), then register it here; or try the local demo from the Overview tab.</source>
        <translation>cette base n’a pas encore de vue matérialisée : créez-en une (CREATE MATERIALIZED VIEW) puis enregistrez-la ici, ou essayez la démo locale depuis l’onglet Aperçu.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Suspendre</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Rep&amp;rendre</translation>
    </message>
    <message>
        <source>Refresh %1 automatically again (once now if it changed while paused)</source>
        <translation>Rafraîchir %1 à nouveau automatiquement (une fois tout de suite si elle a changé pendant la pause)</translation>
    </message>
    <message>
        <source>Stop refreshing %1 automatically; its changes are remembered</source>
        <translation>Ne plus rafraîchir %1 automatiquement ; ses modifications sont retenues</translation>
    </message>
    <message>
        <source>%1 resumed.</source>
        <translation>%1 reprise.</translation>
    </message>
    <message>
        <source>%1 paused: its changes are remembered until you resume it.</source>
        <translation>%1 suspendue : ses modifications sont retenues jusqu’à la reprise.</translation>
    </message>
    <message>
        <source>Refresh &amp;groups…</source>
        <translation>&amp;Groupes d’actualisation…</translation>
    </message>
    <message>
        <source>Views that refresh together, in one transaction</source>
        <translation>Vues actualisées ensemble, dans une seule transaction</translation>
    </message>
    <message>
        <source>Blackout &amp;windows…</source>
        <translation>&amp;Plages d’interdiction…</translation>
    </message>
    <message>
        <source>Times when no view (or the selected one) is refreshed automatically</source>
        <translation>Heures où aucune vue (ou celle sélectionnée) n’est actualisée automatiquement</translation>
    </message>
    <message>
        <source>&amp;Capture…</source>
        <translation>&amp;Capture…</translation>
    </message>
    <message>
        <source>How changes are noticed: watch triggers or the WAL</source>
        <translation>Comment les modifications sont détectées : triggers de surveillance ou WAL</translation>
    </message>
    <message>
        <source>&amp;Capture: WAL…</source>
        <translation>&amp;Capture : WAL…</translation>
    </message>
    <message>
        <source>&amp;Capture: triggers…</source>
        <translation>&amp;Capture : triggers…</translation>
    </message>
    <message>
        <source>Changes are read from the WAL: %1</source>
        <translation>Les modifications sont lues dans le WAL : %1</translation>
    </message>
    <message>
        <source>Changes are noticed by watch triggers</source>
        <translation>Les modifications sont détectées par des triggers de surveillance</translation>
    </message>
    <message>
        <source>The WAL capture slot was lost at %1; back to triggers</source>
        <translation>Le slot de capture WAL a été perdu à %1 ; retour aux triggers</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Console for pg_auto_mv and pg_relay: keep PostgreSQL materialised views fresh.</source>
        <translation>Console pour pg_auto_mv et pg_relay&#xa0;: maintient à jour les vues matérialisées PostgreSQL.</translation>
    </message>
    <message>
        <source>libpq connection string or URI to open at start.</source>
        <translation>Chaîne de connexion ou URI libpq à ouvrir au démarrage.</translation>
    </message>
    <message>
        <source>Start the local demo database and connect to it.</source>
        <translation>Démarrer la base de données de démonstration locale et s&apos;y connecter.</translation>
    </message>
</context>
</TS>
