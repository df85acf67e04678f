# Stands in for the get-pip.py that ansible-test downloads from ci-files.testing.ansible.com, which
# this machine cannot reach (it reaches PyPI only): bootstraps pip with the interpreter's own
# ensurepip, then installs what get-pip.py was asked to. tests/run.sh puts it in ansible-test's cache.
import ensurepip
import os
import subprocess
import sys

ensurepip.bootstrap(upgrade=True)
# ensurepip points PIP_CONFIG_FILE at /dev/null; the machine's pip.conf (certificates, mirrors) must apply
os.environ.pop('PIP_CONFIG_FILE', None)
args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
sys.exit(subprocess.call([sys.executable, '-m', 'pip', 'install', '--quiet'] + args))
