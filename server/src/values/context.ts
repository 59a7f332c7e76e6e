/**
 * Where `%` specifiers are expanded, per parser. Determined with systemd 252's
 * `systemd-analyze verify` (a `%Z` in each parser's value: "Invalid slot" ⇒ expanded) and, for
 * parsers newer than 252, from the v260 source where known; unknown newer parsers say 'none'
 * (no specifier errors rather than false ones).
 */
import type { SpecifierContext, ValueContext } from './types.js';

/** Parsers that run the value (or part of it) through unit_full_printf() & co. */
const UNIT_FILE_VALUE_PARSERS = new Set([
  'config_parse_unit_string_printf',
  'config_parse_unit_path_printf',
  'config_parse_unit_path_strv_printf',
  'config_parse_unit_cpu_set',
  'config_parse_exec_cpu_affinity',
  'config_parse_exec_apparmor_profile',
  'config_parse_bind_paths',
  'config_parse_exec_directories',
  'config_parse_device_allow',
  'config_parse_environ',
  'config_parse_unit_env_file',
  'config_parse_namespace_path_strv',
  'config_parse_colon_separated_paths',
  'config_parse_extension_images',
  'config_parse_user_group_compat',
  'config_parse_user_group_strv_compat',
  'config_parse_ip_filter_bpf_progs',
  'config_parse_load_credential',
  'config_parse_set_credential',
  'config_parse_log_extra_fields',
  'config_parse_log_namespace',
  'config_parse_mount_images',
  'config_parse_pass_environ',
  'config_parse_unset_environ',
  'config_parse_root_image_options',
  'config_parse_exec_selinux_context',
  'config_parse_exec_smack_process_label',
  'config_parse_exec_output',
  'config_parse_exec_input',
  'config_parse_exec_input_text',
  'config_parse_temporary_filesystems',
  'config_parse_mount_node',
  'config_parse_working_directory',
  'config_parse_path_spec',
  'config_parse_bus_name',
  'config_parse_exec',
  'config_parse_pid_file',
  'config_parse_fdname',
  'config_parse_socket_listen',
  'config_parse_timer',
  'config_parse_unit_condition_string',
  'config_parse_unit_condition_path',
  'config_parse_documentation',
  'config_parse_reboot_parameter',
  'config_parse_unit_mounts_for',
  'config_parse_bpf_foreign_program',
  'config_parse_io_device_latency',
  'config_parse_io_device_weight',
  'config_parse_io_limit',
]);

/** Parsers that use unit_name_printf(): only the unit-name subset of specifiers. */
const UNIT_NAME_PARSERS = new Set([
  'config_parse_unit_deps',
  'config_parse_obsolete_unit_deps',
  'config_parse_unit_slice',
  'config_parse_trigger_unit',
  'config_parse_socket_service',
  'config_parse_service_sockets',
]);

/** install.c parsers use install_name_printf(). */
const INSTALL_PARSERS = new Set([
  'config_parse_alias[install.c]',
  'config_parse_also[install.c]',
  'config_parse_strv[install.c]',
  'config_parse_default_instance[install.c]',
]);

/**
 * Where `%x` expands for a setting ('none' when its parser does not expand specifiers).
 * `directive` is not needed (the parser decides) and may be omitted.
 */
export function specifierContextFor(
  ctx: Pick<ValueContext, 'section' | 'parser' | 'kind'> & { readonly directive?: string },
): SpecifierContext {
  const parser = ctx.parser;
  if (ctx.section === 'Manager') {
    return parser === 'config_parse_environ' ? 'manager-env' : 'none';
  }
  if (INSTALL_PARSERS.has(parser) || ctx.section === 'Install') return 'install';
  if (UNIT_NAME_PARSERS.has(parser)) return 'unit-names';
  if (UNIT_FILE_VALUE_PARSERS.has(parser)) return 'unit-file-values';
  return 'none';
}
