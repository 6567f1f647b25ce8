from axes.handlers.proxy import AxesProxyHandler
from django.core.management.base import BaseCommand, CommandError

from factbase.security.lockout import active_lockouts, login_lockout_lift


class Command(BaseCommand):
    help = (
        "Lift login lockouts: clear the failed-login counts of an account and/or a client address, and mark "
        "their lockouts lifted. For when the admin itself is locked out (the admin's Login lockouts page does "
        "the same)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", help="The locked-out account name.")
        parser.add_argument("--address", help="The locked-out client address.")
        parser.add_argument("--all", dest="everything", action="store_true", help="Every active lockout.")
        parser.add_argument("--list", dest="show", action="store_true", help="Only list the active lockouts.")

    def handle(self, *args, username=None, address=None, everything=False, show=False, **options):
        lockouts = active_lockouts()
        if show:
            for lockout in lockouts:
                self.stdout.write(f"{lockout.username or '-'}\t{lockout.address}\t{lockout.path}\t"
                                  f"{lockout.failures} failures\tuntil {lockout.locked_until:%Y-%m-%d %H:%M:%S} UTC")
            self.stdout.write(f"{lockouts.count()} active lockout(s)")
            return
        if not (username or address or everything):
            raise CommandError("say whose lockout to lift: --username NAME, --address ADDRESS or --all (--list shows them)")
        if username:
            lockouts = lockouts.filter(username=username)
        if address:
            lockouts = lockouts.filter(address=address)
        # Counts below the limit have no lockout row: clear the ones named all the same.
        if username:
            AxesProxyHandler.reset_attempts(username=username)
        if address:
            AxesProxyHandler.reset_attempts(ip_address=address)
        lifted = sum(login_lockout_lift(lockout=lockout) for lockout in lockouts)
        self.stdout.write(f"lifted {lifted} lockout(s); cleared the failed-login counts of "
                          f"{' and '.join(filter(None, [username, address])) or 'every locked-out account and address'}")
