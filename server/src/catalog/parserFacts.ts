/**
 * Facts about systemd's value parsers (load-fragment.c) that more than one module needs: the one home of each.
 */

/**
 * Parsers (v260 names, as in data/directives.tsv) that log "Failed to parse …, ignoring" for an EMPTY value on
 * systemd 252, so `X=` in a drop-in does not reset X. Measured with `systemd-analyze verify` over every list=no
 * directive of 252 (test/units/emptyReset.oracle.test.ts re-checks a sample when systemd-analyze is installed).
 * Not listed: parsers whose empty value resets (strings, paths, users, cgroup weights and limits, tty sizes, nice,
 * OOMScoreAdjust, KillMode, …), and tristates (252 still had a boolean parser for PrivateMounts=).
 */
export const EMPTY_REFUSED_252: ReadonlySet<string> = new Set([
  'config_parse_bool',
  'config_parse_bus_name',
  'config_parse_collect_mode',
  'config_parse_device_policy',
  'config_parse_emergency_action',
  'config_parse_exec_cpu_sched_prio',
  'config_parse_exec_input',
  'config_parse_exec_keyring_mode',
  'config_parse_exec_output',
  'config_parse_exec_preserve_mode',
  'config_parse_exec_utmp_mode',
  'config_parse_iec_size',
  'config_parse_int',
  'config_parse_job_mode',
  'config_parse_job_mode_isolate',
  'config_parse_job_running_timeout_sec',
  'config_parse_job_timeout_sec',
  'config_parse_log_facility',
  'config_parse_log_level',
  'config_parse_long',
  'config_parse_managed_oom_preference',
  'config_parse_mode',
  'config_parse_notify_access',
  'config_parse_nsec',
  'config_parse_oom_policy',
  'config_parse_private_tmp',
  'config_parse_private_users',
  'config_parse_proc_subset',
  'config_parse_protect_control_groups',
  'config_parse_protect_home',
  'config_parse_protect_hostname',
  'config_parse_protect_proc',
  'config_parse_protect_system',
  'config_parse_rlimit',
  'config_parse_sec',
  'config_parse_sec_fix_0',
  'config_parse_service_exit_type',
  'config_parse_service_restart',
  'config_parse_service_timeout',
  'config_parse_service_timeout_failure_mode',
  'config_parse_service_type',
  'config_parse_signal',
  'config_parse_socket_bind',
  'config_parse_socket_protocol',
  'config_parse_socket_service',
  'config_parse_socket_timestamping',
  'config_parse_unit_slice',
  'config_parse_unsigned',
]);

/** Parsers where the first assignment wins and later ones are ignored: Timer/Path `Unit=` (config_parse_trigger_unit). */
export const FIRST_WINS_PARSERS: ReadonlySet<string> = new Set(['config_parse_trigger_unit']);

export function isFirstWins(parser: string): boolean {
  return FIRST_WINS_PARSERS.has(parser);
}
