/**
 * What a browser offers on every request to the app over HTTPS (Chrome and Firefox; over plain HTTP they leave out
 * br). Every bench client sends it, so the figures include what compressing the answers costs the server; the load
 * generators count the bytes as sent and decompress a body only when they read it.
 */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br';
