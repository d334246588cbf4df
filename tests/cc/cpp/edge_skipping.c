/* skipped groups passed over as raw text, and include guards; compared with gcc -E */
#if 0
a "string with /* in it" b
don't stop at this quote
/* a comment that hides
#endif
   and goes on */
#else if the comment were not seen
  # if nested
  #endif
%:endif
after_first
#ifdef __STDC__
  taken
#elif 1 /* comment
   that spans lines */
  not_taken
# /* comment before the name */ else
  not_taken_either
#endif
#if 0
#elif defined(__STDC__) \
  && 1
spliced_elif
#endif
#if 0
ending with a splice \
#endif
still_skipped
#endif
/* comment */ # if 0
skipped_after_comment_hash
/* a
*/ #endif
after_comment_endif
#ifndef GUARD_LIKE
#define GUARD_LIKE
int guard_body = __LINE__;
#endif
#line 300

int after_line = __LINE__;
#if 0
#else
	int	tabbed = __LINE__;
#endif
#if 0
'unterminated
#endif
end_of_file
