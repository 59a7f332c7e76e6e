/** The value kinds are a column of the catalog; the validators in values/ implement one each. */
/** The value kinds of `data/directives.tsv` (column value_kind). */
export type ValueKind =
  | 'address-family-list' | 'bind-paths' | 'bool' | 'bytes' | 'bytes-or-percent' | 'calendar'
  | 'capability-list' | 'condition' | 'count-or-percent' | 'cpu-set' | 'cpu-weight' | 'device-allow'
  | 'device-io' | 'enum' | 'enum-list' | 'enum-or-bool' | 'env-file' | 'env-name-list' | 'environment'
  | 'exec-command' | 'exit-status' | 'ignored' | 'int' | 'io-weight' | 'ip-address-list' | 'limit'
  | 'mode' | 'nice' | 'nsec' | 'oom-score' | 'path' | 'path-list' | 'percent' | 'relative-path-list'
  | 'signal' | 'socket-address' | 'string' | 'syscall-filter' | 'temp-fs' | 'timespan-sec'
  | 'tristate-bool' | 'tuple' | 'unit' | 'unit-list' | 'unsigned' | 'user'
  // The other dialects (data/dialects/README.md, "New kinds")
  | 'bool-or-bytes' | 'bool-or-timespan' | 'bytes-si' | 'dns-server-list' | 'domain-list' | 'hex-number' | 'id128'
  | 'ifname' | 'ifname-list' | 'ip-address' | 'ip-addresses' | 'ip-prefix' | 'mac-address' | 'mac-address-list'
  | 'route-table' | 'tc-handle';
