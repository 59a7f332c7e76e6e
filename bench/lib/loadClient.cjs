/**
 * Load the client bundle (argv[2]) with a stub `vscode` module and print how long `require` took: the module
 * evaluation part of the extension's activation (the rest is starting the server, measured separately).
 */
'use strict';
const Module = require('module');
let stub;
const proto = new Proxy({}, { get: (t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : stub) });
stub = new Proxy(function () {}, {
  get: (t, p) =>
    p === '__esModule'
      ? true
      : p === Symbol.toPrimitive
        ? () => ''
        : p === 'then'
          ? undefined
          : p === 'prototype'
            ? t.prototype
            : stub,
  apply: () => stub,
  construct: () => stub,
  getPrototypeOf: () => proto,
});
const orig = Module._load;
Module._load = function (req, ...rest) {
  return req === 'vscode' ? stub : orig.call(this, req, ...rest);
};
const t0 = performance.now();
const m = require(require('path').resolve(process.argv[2]));
const t1 = performance.now();
process.stdout.write(JSON.stringify({ ms: t1 - t0, activate: typeof m.activate }));
