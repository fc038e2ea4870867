/** Whether a link points at the page shown, or at a section the page is in (the home link only at home). */
export const isCurrent = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
