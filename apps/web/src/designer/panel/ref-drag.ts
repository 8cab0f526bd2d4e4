/** The drag payload type of a reference dragged from the data tree onto a field. */
export const REF_MIME = "application/x-baton-ref";
