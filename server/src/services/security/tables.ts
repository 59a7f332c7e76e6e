/**
 * The security tables (securityData.generated.json) and what is derived from them, built on first use: nothing here
 * is read or computed when the module graph loads, only when a score, a fix or a check needs it.
 */
import { securityTables, type AddressFamilyClass, type CheckRow } from './securityData.generated.js';
import { once } from '../../util/dataFile.js';

export type { AddressFamilyClass, CheckRow };

/** The checks in systemd's order (v260's table; the v252 tag's is the same without CAP_BPF). */
export const securityChecks = (): readonly CheckRow[] => securityTables().SECURITY_CHECKS;

/** systemd 252's system call groups ("@name" members are nested groups). */
export const syscallGroups252 = (): Readonly<Record<string, readonly string[]>> => securityTables().SYSCALL_GROUPS_252;

/** RestrictAddressFamilies= names systemd 252 accepts, by the check they count for. */
export const addressFamilies = (): Readonly<Record<string, AddressFamilyClass>> => securityTables().ADDRESS_FAMILIES;

/** Capability names; the index is the kernel's capability number. */
export const capabilities = (): readonly string[] => securityTables().CAPABILITIES;

/** Names libseccomp resolves to a real x86-64 system call (the others are skipped when a group is checked). */
export const nativeSyscalls: () => ReadonlySet<string> = once(() => new Set(securityTables().NATIVE_SYSCALLS));

/** SystemCallArchitectures= names systemd 252 accepts. */
export const architectures: () => ReadonlySet<string> = once(() => new Set(securityTables().ARCHITECTURES));

/** A function computing a value once, on first use (for tables derived from these). */
export { once };
