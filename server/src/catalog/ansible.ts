// Ansible's own variables: legal at every level of an inventory, never Pigsty parameters.

export const ANSIBLE_VARS: readonly string[] = [
  'ansible_host', 'ansible_port', 'ansible_user', 'ansible_password', 'ansible_connection',
  'ansible_ssh_private_key_file', 'ansible_ssh_common_args', 'ansible_ssh_extra_args', 'ansible_ssh_pass',
  'ansible_ssh_port', 'ansible_ssh_user', 'ansible_ssh_host', 'ansible_ssh_pipelining', 'ansible_ssh_executable',
  'ansible_sftp_extra_args', 'ansible_scp_extra_args', 'ansible_pipelining', 'ansible_private_key_file',
  'ansible_become', 'ansible_become_method', 'ansible_become_user', 'ansible_become_password', 'ansible_become_pass',
  'ansible_become_exe', 'ansible_become_flags', 'ansible_shell_type', 'ansible_shell_executable',
  'ansible_python_interpreter', 'ansible_group_priority', 'ansible_timeout', 'ansible_remote_tmp',
];

/** Any `ansible_*` name is Ansible's (connection plugins add their own). */
export function isAnsibleVar(name: string): boolean {
  return name.startsWith('ansible_');
}
