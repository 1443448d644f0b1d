/** The plugin SPI: how rule packs reach the engine. */
package vn.conduct.rules.spi;
