#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: state
short_description: Bring a host's devlink devices to a desired state with dls
version_added: "1.0.0"
description:
  - Reads the host's devlink state (eswitch mode, SR-IOV VFs, params, VF and SF ports, rate trees, bonds)
    with C(dls snapshot), compares it with a desired-state document, and applies the difference with
    C(dls apply) as one transaction on the host. A failed step rolls every earlier step back, so the
    host is left as it was.
  - The document uses the schema of C(dls snapshot); see docs/desired-state.md in the dls repository.
  - In check mode the module runs C(dls plan) only and reports whether anything would change.
  - With C(--diff) it shows the host's state document before and after.
  - The module is idempotent. A second run with the same document sends no write request and reports
    C(changed=false).
author:
  - dls developers (@dls-project)
requirements:
  - The C(dls) binary on the target (the C(dls.devlink.install) role puts it there).
  - For O(backend=netlink), a kernel with devlink and the privileges to change it (root or CAP_NET_ADMIN).
options:
  desired:
    description:
      - The desired-state document, as a dict in the schema C(dls snapshot) prints.
      - Mutually exclusive with O(src).
    type: dict
  src:
    description:
      - Path on the target of a desired-state document, either JSON or a C(.dls) script that builds one.
      - Mutually exclusive with O(desired).
    type: path
  backend:
    description:
      - V(netlink) talks to the running kernel. V(emulator) uses dls's built-in device emulator, for
        rehearsals and tests.
    type: str
    choices: [netlink, emulator]
    default: netlink
  emulator:
    description:
      - The emulator's topology with O(backend=emulator); a built-in name (V(mlx5), V(netdevsim)),
        optionally with V(@VERSION) for the kernel version it models, or a topology file on the target.
    type: str
    default: mlx5
  emulator_state:
    description:
      - With O(backend=emulator), a file on the target that holds the emulator's state between runs.
        It is read when it exists and written back after a run that changed something, so runs chain
        as they would on a real host.
    type: path
  prune:
    description:
      - Also delete what the document does not mention (ports, rate nodes and leaves, bonds) in the
        scopes it names. Without it, objects the document does not mention are left alone.
      - "With a C(.dls) O(src), set C(\"prune\": true) in the document the script builds instead."
    type: bool
    default: false
  dls:
    description:
      - Path of the C(dls) binary on the target. The default finds C(dls) on E(PATH).
    type: path
    default: dls
notes:
  - Supports check mode and diff mode.
  - The state is changed through one C(dls apply) transaction. On failure the module fails with the
    kernel's message, and the host's state is rolled back.
seealso:
  - name: dls desired state
    description: Schema, plan ordering and exit statuses of C(dls snapshot), C(dls plan) and C(dls apply).
    link: https://github.com/dls-project/dls/blob/main/docs/desired-state.md
'''

EXAMPLES = r'''
- name: Two SFs under a rate group on the first PF
  dls.devlink.state:
    desired:
      devices:
        pci/0000:06:00.0:
          eswitch: {mode: switchdev}
          ports:
            sf/88: {flavour: pcisf, pfnum: 0, sfnum: 88, function: {hw_addr: "00:00:00:00:88:88", state: active}}
            sf/89: {flavour: pcisf, pfnum: 0, sfnum: 89, function: {hw_addr: "00:00:00:00:88:89", state: active}}
          rates:
            tenant1: {type: node, tx_max: 10Gbit}
            sf/88: {parent: tenant1, tx_share: 1Gbit}
            sf/89: {parent: tenant1, tx_share: 1Gbit}

- name: Apply a document kept on the host, deleting what it does not mention
  dls.devlink.state:
    src: /etc/dls/state.json
    prune: true

- name: Rehearse on the emulator with a state file
  dls.devlink.state:
    backend: emulator
    emulator_state: /var/lib/dls/rehearsal.json
    src: /etc/dls/state.json
'''

RETURN = r'''
changed:
  description: Whether the host's state was (or, in check mode, would be) changed.
  returned: always
  type: bool
commands:
  description: The plan, as the devlink command lines dls sends, in order, each prefixed with C(+)
    (create), C(~) (change) or C(-) (delete).
  returned: always
  type: list
  elements: str
  sample: ["+ port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88", "+ port function rate add pci/0000:06:00.0/tenant1 tx_max 10Gbit"]
steps:
  description: One entry per step of the plan.
  returned: always
  type: list
  elements: dict
  contains:
    op:
      description: V(+), V(~) or V(-).
      type: str
    command:
      description: The devlink command line of the step.
      type: str
    result:
      description: V(planned) in check mode; V(ok), V(failed) or V(rolled back) after an apply.
      type: str
    error:
      description: The kernel's message, for the step that failed.
      type: str
      returned: when the step failed
before:
  description: The host's state document before the run.
  returned: success
  type: dict
after:
  description: The host's state document after the run (in check mode, the state the plan leads to).
  returned: success
  type: dict
rc:
  description: The exit status of dls (Ansible reads a non-zero rc as a failure, so it is returned only then).
  returned: failure
  type: int
'''

import json
import os

from ansible.module_utils.basic import AnsibleModule

# dls plan's exit statuses (docs/desired-state.md)
PLAN_NO_CHANGES = 0
PLAN_CHANGES_PENDING = 3


def dls_command(params):
    """The dls invocation up to the subcommand: the binary and the backend options."""
    command = [params['dls']]
    if params['backend'] == 'netlink':
        command.append('--netlink')
    else:
        command.append('--emulator=' + params['emulator'])
        if params['emulator_state']:
            command += ['--emulator-state', params['emulator_state']]
    return command


def document_input(module):
    """The FILE argument of plan/apply and the stdin data: '-' and the JSON of `desired`, or the
    path of `src` (rewritten to stdin when prune must be added to a JSON file)."""
    params = module.params
    if params['desired'] is not None:
        document = dict(params['desired'])
        if params['prune']:
            document['prune'] = True
        return '-', json.dumps(document)
    src = params['src']
    if not params['prune']:
        return src, None
    if src.endswith('.dls'):
        module.fail_json(msg='prune with a .dls src: set "prune": true in the document the script builds')
    try:
        with open(src) as handle:
            document = json.load(handle)
    except (OSError, ValueError) as error:
        module.fail_json(msg='cannot read %s: %s' % (src, error))
    if not isinstance(document, dict):
        module.fail_json(msg='%s: a desired-state document is a JSON object' % src)
    document['prune'] = True
    return '-', json.dumps(document)


def run_dls(module, subcommand, source, data):
    """Runs `dls ... SUBCOMMAND SOURCE --json` and returns (rc, report); fails the module when dls
    prints no report (a usage error, a missing binary, a crash)."""
    command = dls_command(module.params) + [subcommand, source, '--json']
    rc, out, err = module.run_command(command, data=data, binary_data=False, check_rc=False)
    try:
        report = json.loads(out)
    except ValueError:
        report = None
    if not isinstance(report, dict):
        module.fail_json(msg=(err or out).strip() or 'dls %s printed no report' % subcommand,
                         rc=rc, cmd=command, stdout=out, stderr=err, changed=False, commands=[], steps=[])
    return rc, report, err


def step_lines(report):
    return ['%s %s' % (step.get('op', ''), step.get('command', '')) for step in report.get('steps', [])]


def main():
    module = AnsibleModule(
        argument_spec=dict(
            desired=dict(type='dict'),
            src=dict(type='path'),
            backend=dict(type='str', default='netlink', choices=['netlink', 'emulator']),
            emulator=dict(type='str', default='mlx5'),
            emulator_state=dict(type='path'),
            prune=dict(type='bool', default=False),
            dls=dict(type='path', default='dls'),
        ),
        mutually_exclusive=[('desired', 'src')],
        required_one_of=[('desired', 'src')],
        supports_check_mode=True,
    )
    params = module.params
    if params['emulator_state'] and params['backend'] != 'emulator':
        module.fail_json(msg='emulator_state needs backend=emulator')
    if params['src'] and not os.path.exists(params['src']):
        module.fail_json(msg='src %s does not exist on the target' % params['src'])

    source, data = document_input(module)
    subcommand = 'plan' if module.check_mode else 'apply'
    rc, report, err = run_dls(module, subcommand, source, data)

    result = dict(
        changed=bool(report.get('changed', False)),
        commands=step_lines(report),
        steps=report.get('steps', []),
    )
    if module.check_mode:
        ok = rc in (PLAN_NO_CHANGES, PLAN_CHANGES_PENDING)
        result['changed'] = rc == PLAN_CHANGES_PENDING
    else:
        ok = rc == 0 and not report.get('failed', False)
    if not ok:
        result['changed'] = False
        module.fail_json(msg=report.get('error') or err.strip() or 'dls %s failed (exit %d)' % (subcommand, rc),
                         rc=rc, stderr=err, **result)

    result['before'] = report.get('before')
    result['after'] = report.get('after')
    if module._diff:
        result['diff'] = dict(
            before_header='devlink state before', after_header='devlink state after',
            before=json.dumps(report.get('before'), indent=2) + '\n',
            after=json.dumps(report.get('after'), indent=2) + '\n')
    module.exit_json(**result)


if __name__ == '__main__':
    main()
