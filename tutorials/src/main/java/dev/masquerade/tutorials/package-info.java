/**
 * Tutorial chapters (Markdown) whose code is compiled and whose numbers are checked by tests.
 * Filled by the tutorials issue.
 */
package dev.masquerade.tutorials;
