// Minimal file-URI helpers (the server never reads files: it only names them).
export const URI = {
  path(uri: string): string {
    try {
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return uri;
    }
  },
};
