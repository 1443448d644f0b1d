/** The host API: build an engine, hand it facts, read the report. */
package vn.conduct.rules.api;
