/** Internal implementation; not API. May change in any release without notice. */
package vn.conduct.rules.internal.engine;
